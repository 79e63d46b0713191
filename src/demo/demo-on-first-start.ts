import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { OrganizationsService } from '../organizations/organizations.service';
import { DemoService } from './demo.service';

/** Embedded mode's first start (an empty database) creates the demo organisation. */
@Injectable()
export class DemoOnFirstStart implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly demo: DemoService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.demoData && (await this.organizations.countOrganizations()) === 0) await this.demo.seedDemo();
  }
}
