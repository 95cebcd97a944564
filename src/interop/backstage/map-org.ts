/** Backstage Users → Switchboard People, Groups → Teams. */
import { GITHUB_USER_LOGIN, SB } from './backstage-model.js';
import type { FieldLedger } from './field-ledger.js';
import { prefixedTag } from './id-conversion.js';
import { resolveRef, targetId, type ImportContext } from './import-context.js';
import {
  addTags,
  annotation,
  convertTag,
  fromAnnotation,
  mapCommon,
  mapContacts,
  str,
} from './map-common.js';
import { isObject, own, type Json } from './json-access.js';
import { eachRef } from './each-ref.js';

function displayName(ledger: FieldLedger): string | undefined {
  const profile = own(ledger.entity.spec, 'profile');
  return isObject(profile) ? str(own(profile, 'displayName')) : undefined;
}

export function mapUser(ctx: ImportContext, ledger: FieldLedger, id: string, exact: boolean): Json {
  const out: Json = { kind: 'Person', id };
  mapCommon(ctx, ledger, out, displayName(ledger));
  mapContacts(ctx, ledger, out, ctx.mapping.privateUserEmails && !exact);
  fromAnnotation(ctx, ledger, out, 'roles', SB.roles, true);
  fromAnnotation(ctx, ledger, out, 'handles', SB.handles, true);
  fromAnnotation(ctx, ledger, out, 'timezone', SB.timezone, false);
  const login = annotation(ledger, GITHUB_USER_LOGIN);
  if (login !== undefined && out.handles === undefined) {
    out.handles = { github: login };
    ledger.origin('handles', ['metadata', 'annotations', GITHUB_USER_LOGIN]);
  }
  ledger.use(['metadata', 'annotations', SB.kind], ['metadata', 'annotations', SB.id]);
  eachRef(ctx, ledger, 'memberOf', (value, path) => {
    const group = resolveRef(ctx, ledger, path, value, {
      what: 'group',
      defaultKind: 'Group',
      allowed: ['Group'],
      strict: true,
    });
    if (group?.key !== undefined && targetId(ctx, ledger, path, group, ['Team']) !== undefined) {
      ctx.memberships.push({ teamKey: group.key, personId: id });
    }
  });
  return out;
}

export function mapGroup(ctx: ImportContext, ledger: FieldLedger, id: string): Json {
  const out: Json = { kind: 'Team', id };
  mapCommon(ctx, ledger, out, displayName(ledger));
  mapContacts(ctx, ledger, out, false);
  fromAnnotation(ctx, ledger, out, 'lead', SB.lead, false);
  fromAnnotation(ctx, ledger, out, 'role', SB.role, false);
  ledger.use(['metadata', 'annotations', SB.kind], ['metadata', 'annotations', SB.id]);
  const members: string[] = [];
  eachRef(ctx, ledger, 'members', (value, path) => {
    const user = resolveRef(ctx, ledger, path, value, {
      what: 'member',
      defaultKind: 'User',
      allowed: ['User'],
      strict: true,
    });
    const memberId = user && targetId(ctx, ledger, path, user, ['Person']);
    if (memberId !== undefined && !members.includes(memberId)) members.push(memberId);
  });
  if (members.length > 0) {
    out.members = members;
    ledger.origin('members', ['spec', 'members']);
  }
  const parent = own(ledger.entity.spec, 'parent');
  if (parent !== undefined) {
    const path = ['spec', 'parent'];
    const group = resolveRef(ctx, ledger, path, parent, {
      what: 'parent',
      defaultKind: 'Group',
      allowed: ['Group'],
      strict: true,
    });
    const parentId = group && targetId(ctx, ledger, path, group, ['Team']);
    if (parentId !== undefined) {
      addTags(out, prefixedTag('parent', parentId));
      ledger.origin('tags', path);
      ledger.convert(path, parent, `tag ${prefixedTag('parent', parentId)}`);
    }
  }
  eachRef(ctx, ledger, 'children', (value, path) => {
    const child = resolveRef(ctx, ledger, path, value, {
      what: 'child group',
      defaultKind: 'Group',
      allowed: ['Group'],
      strict: true,
    });
    if (child?.key !== undefined && targetId(ctx, ledger, path, child, ['Team']) !== undefined) {
      ctx.childParents.push({ childKey: child.key, parentId: id });
    }
  });
  const type = own(ledger.entity.spec, 'type');
  ledger.use(['spec', 'type']);
  if (typeof type === 'string' && type.toLowerCase() !== 'team') {
    const tag = convertTag(`group-type:${type}`);
    if (tag !== undefined) {
      addTags(out, tag);
      ledger.convert(['spec', 'type'], type, `tag ${tag}`);
    } else ledger.drop(['spec', 'type'], 'not expressible as a tag');
  }
  return out;
}
