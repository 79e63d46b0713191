import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsOptionalNotNull } from '../../common/validation';

export const MAX_TOKENS_PER_REQUEST = 1000;

export class IssueTokensDto {
  @IsInt() @Min(1) @Max(MAX_TOKENS_PER_REQUEST)
  count: number;

  /** The department or branch the sheet goes to; its answers can then be counted apart. */
  @IsOptionalNotNull() @IsUUID()
  departmentId?: string;
}

export const TOKEN_SHEET_FORMATS = ['json', 'html', 'xlsx'] as const;
export type TokenSheetFormat = (typeof TOKEN_SHEET_FORMATS)[number];

export class TokenSheetQuery {
  /** `json` (default) the tokens and links; `html` a print view of QR cards; `xlsx` a workbook with the QR codes. */
  @IsOptionalNotNull() @IsIn(TOKEN_SHEET_FORMATS, { message: 'format 应为 json、html 或 xlsx' })
  format?: TokenSheetFormat;
}
