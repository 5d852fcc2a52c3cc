import fs from 'node:fs';
import path from 'node:path';
import { auditLogPerTest } from '../__testUtils__/auditLogPerTest';
import { AuditCounter } from './auditCounter';

const event = (uri: string) =>
  `${JSON.stringify({
    stage: 'ResponseComplete',
    requestURI: uri,
    verb: 'list',
  })}\n`;
const all = () => true;

describe('AuditCounter', () => {
  const audit = auditLogPerTest('audit-');

  it('counts only what was written after it was created', () => {
    fs.writeFileSync(audit.log, event('/old') + event('/old'));
    const counter = new AuditCounter([audit.log]);
    fs.appendFileSync(audit.log, event('/new'));
    expect(counter.count(all)).toBe(1);
  });

  it('follows the apiserver rotating the log: the rest of the renamed file and the whole new one', () => {
    fs.writeFileSync(
      path.join(audit.dir, 'audit-2026-12-02T03-00-00.000.log'),
      event('/rotated-before') + event('/rotated-before'),
    );
    fs.writeFileSync(audit.log, event('/old'));
    const counter = new AuditCounter([audit.log]);
    fs.appendFileSync(audit.log, event('/new-1'));
    fs.renameSync(
      audit.log,
      path.join(audit.dir, 'audit-2026-12-02T03-13-50.325.log'),
    );
    fs.writeFileSync(audit.log, event('/new-2') + event('/new-3'));
    expect(counter.count(all)).toBe(3);
    expect(counter.count(e => e.requestURI === '/new-3')).toBe(1);
  });
});
