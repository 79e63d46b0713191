import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { AskQuestionDto } from './dto/question.dto';
import { QuestionView } from './question.views';
import { QuestionsService } from './questions.service';

/** The errors' one shape (see core/http.ts), for the answers documented one by one. */
const ERROR = { $ref: '#/components/schemas/Error' };

@ApiTags('opinion list')
@ApiBearerAuth()
@Controller('api/v1')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  /**
   * 追问: asks the writer of an anonymous source (an opinion with a receipt, `sources[].id` of an
   * item) what they meant. They read it with their receipt code; their reply joins the source at
   * the next fixed release (统一整理), never before.
   */
  @Post('opinions/:id/questions')
  @Roles(Role.Organiser)
  @ApiCreatedResponse({ type: QuestionView, description: '已追问：写意见的人凭回执码查看并答复' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: 没有这条意见（或它尚未纳入意见清单）', schema: ERROR })
  @ApiConflictResponse({ description: 'NO_RECEIPT: 这条意见没有回执码，写意见的人看不到追问', schema: ERROR })
  @ApiResponse({ status: '4XX', description: '请求有误：见 code 与 message', schema: ERROR })
  ask(@CurrentActor() actor: Actor, @Param('id', IdPipe) opinionId: string, @Body() dto: AskQuestionDto): Promise<QuestionView> {
    return this.questions.ask(actor, opinionId, dto);
  }
}
