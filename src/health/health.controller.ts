import { Controller, Get, HttpStatus, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorFunction, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { AppError, ErrorCode } from '../common/app-error';
import { Public } from '../common/decorators';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../database/outage';
import { QueueDriver } from '../queue/queue-driver';

const CHECK_TIMEOUT_MS = 1500;

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly queue: QueueDriver,
  ) {}

  /** The process answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The database and (with BullMQ) Redis answer; 503 names what is down. */
  @Get('ready')
  async ready(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [() => this.database.pingCheck('database').withTimeout(CHECK_TIMEOUT_MS)];
    if (this.queue.kind === 'bullmq') {
      checks.push(() => this.indicators.check('redis').attempt(() => this.queue.ping()).withTimeout(CHECK_TIMEOUT_MS));
    }
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      // The libraries' words (host, port, driver messages) go to the log only: anyone may ask
      // this route, and is told which component is down, nothing of where or why.
      this.logger.warn({ down: result.error }, 'not ready');
      const down = Object.keys(result.error ?? {}).map((component) => ({ field: component, message: `${component} 不可用`, status: 'down' }));
      throw new AppError(ErrorCode.ServiceUnavailable, HttpStatus.SERVICE_UNAVAILABLE, `服务未就绪：${down.map((item) => item.field).join('、')} 不可用`, down, {
        'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS),
      });
    }
  }
}
