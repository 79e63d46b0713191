import { Boxes1795434918123 } from './mysql/1795434918123-Boxes';
import { Foundation1795431940093 } from './mysql/1795431940093-Foundation';
import { RecordedOpinions1795439275446 } from './mysql/1795439275446-RecordedOpinions';
import { Boxes1795434916504 } from './sqlite/1795434916504-Boxes';
import { Foundation1795431938568 } from './sqlite/1795431938568-Foundation';
import { RecordedOpinions1795439273719 } from './sqlite/1795439273719-RecordedOpinions';

/**
 * Migrations per database, in order. Generated from the entities with
 * `npm run cli -- migration:generate <Name>` (once on each database), reviewed, then listed here.
 */
export const MYSQL_MIGRATIONS: Function[] = [Foundation1795431940093, Boxes1795434918123, RecordedOpinions1795439275446];
export const SQLITE_MIGRATIONS: Function[] = [Foundation1795431938568, Boxes1795434916504, RecordedOpinions1795439273719];
