import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { OrganizationsService } from '../organizations/organizations.service';
import { DemoService } from './demo.service';

/**
 * Embedded mode's first start (an empty database) creates the demo organisation: by default
 * outside production only. In production it takes an explicit DEMO_DATA=true, and the start is
 * not refused then (a trial server wants production's other safeguards: its secrets, Secure
 * cookies), but every start says loudly that demo accounts with a published password are on.
 */
@Injectable()
export class DemoOnFirstStart implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoOnFirstStart.name);

  constructor(
    private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly demo: DemoService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    if (this.config.isProduction) {
      this.logger.warn('DEMO_DATA=true in production: the demo organisation and its accounts with the published password are created on an empty database. Unset DEMO_DATA for a real deployment.');
    }
    if ((await this.organizations.countOrganizations()) === 0) await this.demo.seedDemo();
  }
}
