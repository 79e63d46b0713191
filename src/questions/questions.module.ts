import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OpinionsModule } from '../opinions/opinions.module';
import { OpinionQuestion } from './opinion-question.entity';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';

/**
 * 追问: organisers' questions on anonymous opinions and the writers' held replies (the only
 * writer of `opinion_questions`). Below the opinion list, which shows them beside the sources,
 * and the receipts, where writers read and answer them; the release passes held replies on.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OpinionQuestion]), OpinionsModule],
  providers: [QuestionsService],
  exports: [QuestionsService],
})
export class QuestionsModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [QuestionsModule], controllers: [QuestionsController] })
export class QuestionsRoutes {}
