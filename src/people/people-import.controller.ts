import { Body, Controller, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import { CurrentViewer } from '../auth/signed-in-page';
import { AppError } from '../common/app-error';
import { AppConfig } from '../config/app-config';
import { validateInput } from '../common/validation';
import { OrganizationsService } from '../organizations/organizations.service';
import { CreateUserDto } from '../users/dto/create-user.dto';
import { UsersService } from '../users/users.service';
import { formFields, formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { formFile, UploadedFile } from '../web/multipart';
import { Viewer } from '../web/workbench';
import { PeopleImportService } from './people-import.service';
import { guessRole, IMPORT_ROLES, ImportRole, newUsername, parsePeopleRows, parsePeopleText, PeopleList, SkippedLine } from './people-list';
import { ForPeopleKeepers } from './people-pages.controller';
import { PreviewRow, renderImport, renderImported, renderPreview } from './views/import-pages';

/** More than this in one go is better split: the preview is one page and the import one transaction. */
const MAX_PEOPLE = 500;

/**
 * 批量导入 (`/people/import`): a pasted list or an xlsx becomes a preview of what will be created
 * (editable usernames and account types), carried to the confirmation in the form itself; the
 * confirmation creates it all in one transaction and shows the initial passwords once.
 */
@ApiExcludeController()
@Controller('people/import')
export class PeopleImportController {
  constructor(
    private readonly importer: PeopleImportService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ForPeopleKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  form(@CurrentViewer() viewer: Viewer): string {
    return renderImport(viewer, {});
  }

  @Post()
  @HttpCode(200)
  @ForPeopleKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async preview(@Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const file = formFile(form, 'file');
    const text = formText(form, 'list') ?? '';
    let list: PeopleList;
    try {
      list = file ? await readSheet(file) : parsePeopleText(text);
    } catch {
      reply.status(400);
      return renderImport(viewer, { list: text, problem: '无法读取这个文件：请上传 xlsx 格式的 Excel 文件（列为 姓名、部门、职务）。' });
    }
    if (list.people.length === 0 && list.skipped.length === 0) {
      reply.status(400);
      return renderImport(viewer, { list: text, problem: '名单是空的：请粘贴名单，或选择一个 Excel 文件。' });
    }
    if (list.people.length > MAX_PEOPLE) {
      reply.status(400);
      return renderImport(viewer, { list: text, problem: `一次最多导入 ${MAX_PEOPLE} 人，请分批导入。` });
    }
    const [users, departments] = await Promise.all([this.users.listUsers(viewer.actor), this.organizations.listDepartments(viewer.actor)]);
    const known = new Set(users.map((user) => user.displayName));
    const skipped: SkippedLine[] = [...list.skipped];
    const taken = new Set<string>();
    const rows: PreviewRow[] = [];
    for (const person of list.people) {
      if (known.has(person.name)) {
        skipped.push({ line: person.line, text: [person.name, person.department, person.title].filter(Boolean).join(' '), problem: '已有同名账号' });
        continue;
      }
      const { role, secretary } = guessRole(person.title);
      rows.push({ name: person.name, department: person.department, title: person.title, username: await this.freeUsername(taken), role, secretary });
    }
    skipped.sort((a, b) => a.line - b.line);
    return renderPreview(viewer, { rows, skipped, newDepartments: newDepartmentsOf(rows, departments) });
  }

  @Post('confirm')
  @HttpCode(200)
  @ForPeopleKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async confirm(@Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const rows = previewRowsOf(form);
    const departments = await this.organizations.listDepartments(viewer.actor);
    const refuse = (status: number, problem: string) => {
      reply.status(status);
      return renderPreview(viewer, { rows, skipped: [], newDepartments: newDepartmentsOf(rows, departments), problem });
    };
    if (rows.length === 0) return refuse(400, '没有可导入的人员。');
    await this.checkRows(rows);
    if (rows.some((row) => row.problem)) return refuse(400, '有些行需要修改（见标红处），修改后再确认导入。');
    try {
      const result = await this.importer.importPeople(viewer.actor, rows.map(({ name, department, title, username, role }) => ({ name, department, title, username, role })));
      return renderImported(viewer, result, { url: `${this.config.publicBaseUrl}/login`, local: !this.config.publicBaseUrlGiven });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return refuse(error.status, `没有导入任何人：${pageMessage(error)}`);
    }
  }

  /** Marks each row the API would refuse (a bad or taken username, a name too long), before anything is created. */
  private async checkRows(rows: PreviewRow[]): Promise<void> {
    const seen = new Set<string>();
    for (const row of rows) {
      if (!IMPORT_ROLES.includes(row.role)) row.problem = '请选择账号类型';
      if (row.role === 'none' || row.problem) continue;
      try {
        await validateInput(CreateUserDto, { username: row.username, displayName: row.name, password: 'placeholder-password', roles: ['staff'] });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        row.problem = /username/.test(error.message) ? '用户名应为 3–64 位字母、数字、点、横线或下划线' : pageMessage(error);
        continue;
      }
      if (seen.has(row.username)) row.problem = '用户名与前面的行重复';
      else if (await this.users.findByUsername(row.username)) row.problem = `用户名 ${row.username} 已被使用`;
      seen.add(row.username);
    }
  }

  /** A generated username not yet in use, nor earlier in this list. */
  private async freeUsername(taken: Set<string>): Promise<string> {
    for (;;) {
      const username = newUsername(randomBytes);
      if (taken.has(username) || (await this.users.findByUsername(username))) continue;
      taken.add(username);
      return username;
    }
  }
}

/** The sheet's first worksheet as rows of cell texts. */
async function readSheet(file: UploadedFile): Promise<PeopleList> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { people: [], skipped: [] };
  const rows: string[][] = [];
  for (let index = 1; index <= Math.min(sheet.rowCount, MAX_PEOPLE + 50); index += 1) {
    const row = sheet.getRow(index);
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(3, row.cellCount); column += 1) cells.push(row.getCell(column).text ?? '');
    rows.push(cells);
  }
  return parsePeopleRows(rows);
}

function newDepartmentsOf(rows: PreviewRow[], departments: Array<{ name: string }>): string[] {
  const existing = new Set(departments.map((department) => department.name));
  return [...new Set(rows.map((row) => row.department).filter((name) => name && !existing.has(name)))];
}

/** The preview's rows as posted back: one value per row in each column (a single row arrives as strings). */
function previewRowsOf(form: unknown): PreviewRow[] {
  const fields = formFields(form);
  const column = (name: string) => {
    const value = fields[name];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((entry) => (typeof entry === 'string' ? entry.trim() : ''));
  };
  const names = column('name');
  const [departments, titles, usernames, roles, secretaries] = ['department', 'title', 'username', 'role', 'secretary'].map(column);
  return names.slice(0, MAX_PEOPLE).map((name, index) => ({
    name,
    department: departments[index] ?? '',
    title: titles[index] ?? '',
    username: usernames[index] ?? '',
    role: (roles[index] ?? '') as ImportRole,
    secretary: secretaries[index] === '1',
  }));
}
