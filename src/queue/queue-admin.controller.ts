import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators';
import { Role } from '../common/roles';
import { EmbeddingsService } from '../embeddings/embeddings.service';
import { QueueDriver } from './queue-driver';
import { QueuesView } from './queue.views';

/**
 * The queues as admins see them: counts per state and the failed jobs with their errors, for both
 * drivers, and whether clustering has its embedding model or goes on by words alone. (Payloads are
 * ids only, so nothing here says who wrote what.)
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/queues')
@Roles(Role.Admin)
export class QueueAdminController {
  constructor(
    private readonly queue: QueueDriver,
    private readonly embeddings: EmbeddingsService,
  ) {}

  /** Each queue's counts and its failed jobs with their errors, and the embedding model's state. */
  @Get()
  async list(): Promise<QueuesView> {
    const [queues, model] = await Promise.all([this.queue.inspect(), this.embeddings.status()]);
    const lexicalOnly = model.lastFailureAt !== null && (model.lastSuccessAt === null || model.lastFailureAt > model.lastSuccessAt);
    return { driver: this.queue.kind, queues, embeddings: { ...model, lexicalOnly } };
  }
}
