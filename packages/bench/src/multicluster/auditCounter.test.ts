import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuditCounter } from './auditCounter';

const event = (uri: string) =>
  `${JSON.stringify({
    stage: 'ResponseComplete',
    requestURI: uri,
    verb: 'list',
  })}\n`;
const all = () => true;

describe('AuditCounter', () => {
  let dir: string;
  let log: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-'));
    log = path.join(dir, 'audit.log');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts only what was written after it was created', () => {
    fs.writeFileSync(log, event('/old') + event('/old'));
    const counter = new AuditCounter([log]);
    fs.appendFileSync(log, event('/new'));
    expect(counter.count(all)).toBe(1);
  });

  it('follows the apiserver rotating the log: the rest of the renamed file and the whole new one', () => {
    fs.writeFileSync(
      path.join(dir, 'audit-2026-12-02T03-00-00.000.log'),
      event('/rotated-before') + event('/rotated-before'),
    );
    fs.writeFileSync(log, event('/old'));
    const counter = new AuditCounter([log]);
    fs.appendFileSync(log, event('/new-1'));
    fs.renameSync(log, path.join(dir, 'audit-2026-12-02T03-13-50.325.log'));
    fs.writeFileSync(log, event('/new-2') + event('/new-3'));
    expect(counter.count(all)).toBe(3);
    expect(counter.count(e => e.requestURI === '/new-3')).toBe(1);
  });
});
