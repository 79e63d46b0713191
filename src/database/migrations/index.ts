import { Boxes1795434918123 } from './mysql/1795434918123-Boxes';
import { Foundation1795431940093 } from './mysql/1795431940093-Foundation';
import { RecordedOpinions1795439275446 } from './mysql/1795439275446-RecordedOpinions';
import { Surveys1795441571761 } from './mysql/1795441571761-Surveys';
import { Talks1795442354220 } from './mysql/1795442354220-Talks';
import { CheckMaterials1795442728928 } from './mysql/1795442728928-CheckMaterials';
import { OpinionList1795444489172 } from './mysql/1795444489172-OpinionList';
import { Exports1795446807462 } from './mysql/1795446807462-Exports';
import { ProgressIndexes1795450421474 } from './mysql/1795450421474-ProgressIndexes';
import { ItemDistinctions1795456323858 } from './mysql/1795456323858-ItemDistinctions';
import { AnonymousRelease1796606737804 } from './mysql/1796606737804-AnonymousRelease';
import { FormNonces1796606800000 } from './mysql/1796606800000-FormNonces';
import { SessionVersions1796619355417 } from './mysql/1796619355417-SessionVersions';
import { RectificationLedger1796636431058 } from './mysql/1796636431058-RectificationLedger';
import { TextEmbeddings1796641068009 } from './mysql/1796641068009-TextEmbeddings';
import { EmbeddingStatus1796700000000 } from './mysql/1796700000000-EmbeddingStatus';
import { SupervisionGroups1796700000300 } from './mysql/1796700000300-SupervisionGroups';
import { OpinionQuestions1796700000100 } from './mysql/1796700000100-OpinionQuestions';
import { MaterialKinds1796700000200 } from './mysql/1796700000200-MaterialKinds';
import { Boxes1795434916504 } from './sqlite/1795434916504-Boxes';
import { Foundation1795431938568 } from './sqlite/1795431938568-Foundation';
import { RecordedOpinions1795439273719 } from './sqlite/1795439273719-RecordedOpinions';
import { Surveys1795441567722 } from './sqlite/1795441567722-Surveys';
import { Talks1795442350234 } from './sqlite/1795442350234-Talks';
import { CheckMaterials1795442724642 } from './sqlite/1795442724642-CheckMaterials';
import { OpinionList1795444484445 } from './sqlite/1795444484445-OpinionList';
import { Exports1795446803997 } from './sqlite/1795446803997-Exports';
import { ProgressIndexes1795450418005 } from './sqlite/1795450418005-ProgressIndexes';
import { ItemDistinctions1795456321826 } from './sqlite/1795456321826-ItemDistinctions';
import { AnonymousRelease1796606740243 } from './sqlite/1796606740243-AnonymousRelease';
import { FormNonces1796606800001 } from './sqlite/1796606800001-FormNonces';
import { SessionVersions1796619345077 } from './sqlite/1796619345077-SessionVersions';
import { RectificationLedger1796636412057 } from './sqlite/1796636412057-RectificationLedger';
import { TextEmbeddings1796641061880 } from './sqlite/1796641061880-TextEmbeddings';
import { EmbeddingStatus1796700000001 } from './sqlite/1796700000001-EmbeddingStatus';
import { SupervisionGroups1796700000301 } from './sqlite/1796700000301-SupervisionGroups';
import { OpinionQuestions1796700000101 } from './sqlite/1796700000101-OpinionQuestions';
import { MaterialKinds1796700000201 } from './sqlite/1796700000201-MaterialKinds';
import { MaterialDrafts1796700000401 } from './sqlite/1796700000401-MaterialDrafts';
import { MaterialDrafts1796700000400 } from './mysql/1796700000400-MaterialDrafts';
import { OutlineDrafts1796700000500 } from './mysql/1796700000500-OutlineDrafts';
import { OutlineDrafts1796700000501 } from './sqlite/1796700000501-OutlineDrafts';

/**
 * Migrations per database, in order. Generated from the entities with
 * `npm run cli -- migration:generate <Name>` (once on each database), reviewed, then listed here.
 */
export const MYSQL_MIGRATIONS: Function[] = [Foundation1795431940093, Boxes1795434918123, RecordedOpinions1795439275446, Surveys1795441571761, Talks1795442354220, CheckMaterials1795442728928, OpinionList1795444489172, Exports1795446807462, ProgressIndexes1795450421474, ItemDistinctions1795456323858, AnonymousRelease1796606737804, FormNonces1796606800000, SessionVersions1796619355417, RectificationLedger1796636431058, TextEmbeddings1796641068009, EmbeddingStatus1796700000000, OpinionQuestions1796700000100, MaterialKinds1796700000200, SupervisionGroups1796700000300, MaterialDrafts1796700000400, OutlineDrafts1796700000500];
export const SQLITE_MIGRATIONS: Function[] = [Foundation1795431938568, Boxes1795434916504, RecordedOpinions1795439273719, Surveys1795441567722, Talks1795442350234, CheckMaterials1795442724642, OpinionList1795444484445, Exports1795446803997, ProgressIndexes1795450418005, ItemDistinctions1795456321826, AnonymousRelease1796606740243, FormNonces1796606800001, SessionVersions1796619345077, RectificationLedger1796636412057, TextEmbeddings1796641061880, EmbeddingStatus1796700000001, OpinionQuestions1796700000101, MaterialKinds1796700000201, SupervisionGroups1796700000301, MaterialDrafts1796700000401, OutlineDrafts1796700000501];
