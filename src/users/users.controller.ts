import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { Role } from '../common/roles';
import { IdPipe } from '../common/id.pipe';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { toUserView, UserView } from './user.view';
import { UsersService } from './users.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/v1/users')
@Roles(Role.Admin, Role.Organiser)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Creates an account in the caller's organisation. */
  @Post()
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserView> {
    return toUserView(await this.users.createUser(actor, dto));
  }

  /** The organisation's accounts. */
  @Get()
  async list(@CurrentActor() actor: Actor): Promise<UserView[]> {
    return (await this.users.listUsers(actor)).map(toUserView);
  }

  /** One account. */
  @Get(':id')
  async get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<UserView> {
    return toUserView(await this.users.getUser(actor, id));
  }

  /** Changes an account: name, password, roles, department or branch, active or not. */
  @Patch(':id')
  async update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return toUserView(await this.users.updateUser(actor, id, dto));
  }
}
