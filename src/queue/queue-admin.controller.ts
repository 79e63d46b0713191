import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/decorators';
import { Role } from '../common/roles';
import { QueueDriver } from './queue-driver';
import { QueuesView } from './queue.views';

/**
 * The queues as admins see them: counts per state and the failed jobs with their errors, for both
 * drivers. (Payloads are ids only, so nothing here says who wrote what.)
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/queues')
@Roles(Role.Admin)
export class QueueAdminController {
  constructor(private readonly queue: QueueDriver) {}

  /** Each queue's counts and its failed jobs with their errors. */
  @Get()
  async list(): Promise<QueuesView> {
    return { driver: this.queue.kind, queues: await this.queue.inspect() };
  }
}
