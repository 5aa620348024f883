// The trust setup: head office creates the organisation, a plant joins and enrols, head office
// certifies it after comparing fingerprints, revokes it; the org keys survive a lost machine.
import { describe, expect, it } from 'vitest';
import { toBase64, utf8 } from '../../shared/bundle/encoding.ts';
import { fingerprint } from '../../shared/bundle/keys.ts';
import { exportSync, receive } from '../../shared/bundle/replica.ts';
import { acceptCertificate, certifyPlant, createOrganisation, enrolmentRequest, joinOrganisation, orgKeyBackup, readTrust, receiveEnrolment, restoreOrgKeys, revokePlant } from '../../shared/bundle/trust.ts';
import { memoryInstallation } from '../../shared/records/memory-store.ts';
import type { Installation } from '../../shared/records/schemas.ts';

const HQ: Installation = { orgName: '华东能源集团', role: 'hq', plant: null, originId: 'hq-1', createdAt: '2026-01-01T00:00:00.000Z' };
const LY: Installation = { orgName: '华东能源集团', role: 'plant', plant: { code: 'LY1', name: '洛阳一厂', region: '河南省' }, originId: 'ly-1', createdAt: '2026-01-01T00:00:00.000Z' };
const json = (v: unknown) => utf8(JSON.stringify(v));
const FAST = { N: 2 ** 14, r: 8, p: 1 };

async function enrolled() {
  const hq = await memoryInstallation(HQ);
  const plant = await memoryInstallation(LY);
  const org = await createOrganisation(hq.store, hq.actor);
  await joinOrganisation(plant.store, plant.actor, json(org));
  const request = await enrolmentRequest(plant.store, plant.actor);
  const waiting = await receiveEnrolment(hq.store, hq.actor, json(request));
  const cert = await certifyPlant(hq.store, hq.actor, waiting.originId);
  await acceptCertificate(plant.store, plant.actor, json(cert));
  return { hq, plant, org, request, cert };
}

describe('trust setup', () => {
  it('enrols a plant: both sides see the same fingerprint, and the plant can then send a bundle head office accepts', async () => {
    const { hq, plant, org, request, cert } = await enrolled();
    expect(request.plant).toEqual(LY.plant);
    expect(fingerprint(request.keys)).toMatch(/^\d{4}( \d{4}){5}$/);
    expect(cert).toMatchObject({ partition: 'plant:LY1', orgId: org.orgId, keys: request.keys });
    const t = await readTrust(plant.store);
    expect(t.certificate?.serial).toBe(cert.serial);
    expect((await readTrust(hq.store)).enrolments).toEqual([]);
    const b = (await exportSync(plant.store, plant.actor, { org: t.org!, certificate: t.certificate!, keys: t.keys! }, { snapshot: true }))!;
    const hqTrust = await readTrust(hq.store);
    const r = await receive(hq.store, hq.actor, [{ name: b.fileName, bytes: b.bytes }], { org: hqTrust.org! }, hqTrust.keys!);
    expect(r.applied).toEqual([b.fileName]);
  });

  it('refuses a certificate that was changed, issued to other keys, or for another plant', async () => {
    const { plant, cert } = await enrolled();
    await expect(acceptCertificate(plant.store, plant.actor, json({ ...cert, partition: 'plant:ZZ2' }))).rejects.toMatchObject({ failure: { code: 'trust.badSignature' } });
    await expect(acceptCertificate(plant.store, plant.actor, utf8('not json'))).rejects.toMatchObject({ failure: { code: 'trust.badFile' } });
    const other = await memoryInstallation({ ...LY, originId: 'ly-2' });
    const { org } = await enrolled();
    await joinOrganisation(other.store, other.actor, json(org));
    await expect(acceptCertificate(other.store, other.actor, json(cert))).rejects.toMatchObject({ failure: { code: 'trust.otherOrg' } });
  });

  it('refuses an enrolment request whose self-signature does not hold', async () => {
    const { hq, request } = await enrolled();
    await expect(receiveEnrolment(hq.store, hq.actor, json({ ...request, plant: { ...request.plant, code: 'XX' } }))).rejects.toMatchObject({ failure: { code: 'trust.badSignature' } });
  });

  it('revokes a plant: its bundles are refused from then on, and the org file carries the list', async () => {
    const { hq, plant, cert } = await enrolled();
    await revokePlant(hq.store, hq.actor, cert.serial, '电脑丢失');
    const t = await readTrust(hq.store);
    expect(t.org?.revocations?.revoked.map((r) => r.serial)).toEqual([cert.serial]);
    const p = await readTrust(plant.store);
    const b = (await exportSync(plant.store, plant.actor, { org: p.org!, certificate: p.certificate!, keys: p.keys! }))!;
    const r = await receive(hq.store, hq.actor, [{ name: b.fileName, bytes: b.bytes }], { org: t.org!, revocations: t.revocations ?? undefined }, t.keys!);
    expect(r.rejected[0].failure.code).toBe('bundle.revoked');
  });

  it('restores the org keys from a password-protected key backup on a replacement machine; a wrong password is refused', async () => {
    const { hq, org } = await enrolled();
    const backup = await orgKeyBackup(hq.store, hq.actor, '总部密钥备份口令', FAST);
    expect(JSON.stringify(backup)).not.toContain(toBase64((await readTrust(hq.store)).secret!.sign));
    const fresh = await memoryInstallation({ ...HQ, originId: 'hq-2' });
    await expect(restoreOrgKeys(fresh.store, fresh.actor, json(backup), 'wrong')).rejects.toMatchObject({ failure: { code: 'trust.badPassword' } });
    const restored = await restoreOrgKeys(fresh.store, fresh.actor, json(backup), '总部密钥备份口令');
    expect(restored.fingerprint).toBe(org.fingerprint);
    expect((await readTrust(fresh.store)).keys).not.toBeNull();
  });
});

describe('revocations travel down', () => {
  it('a plant learns from head office\'s acknowledgement that its certificate was revoked', async () => {
    const { hq, plant, cert } = await enrolled();
    const { acknowledgement } = await import('../../shared/bundle/replica.ts');
    const p = await readTrust(plant.store);
    const b = (await exportSync(plant.store, plant.actor, { org: p.org!, certificate: p.certificate!, keys: p.keys! }))!;
    let t = await readTrust(hq.store);
    await receive(hq.store, hq.actor, [{ name: b.fileName, bytes: b.bytes }], { org: t.org! }, t.keys!);
    await revokePlant(hq.store, hq.actor, cert.serial, '设备丢失');
    t = await readTrust(hq.store);
    const ack = await acknowledgement(hq.store, hq.actor, { org: t.org!, keys: t.secret!, revocations: t.revocations ?? undefined }, 'plant:LY1');
    const r = await receive(plant.store, plant.actor, [{ name: ack.fileName, bytes: ack.bytes }], { org: p.org! }, p.keys!);
    expect(r.applied).toHaveLength(1);
    expect((await readTrust(plant.store)).revocations?.revoked.map((x) => x.serial)).toEqual([cert.serial]);
  });
});

describe('a plant\'s own keys', () => {
  it('are WebCrypto keys that cannot be extracted, and still sign and open bundles head office and the plant agree on', async () => {
    const { plant, hq } = await enrolled();
    const t = await readTrust(plant.store);
    expect(t.keys?.extractable).toBe(false);
    expect(t.secret).toBeNull();
    const stored = await plant.store.transaction([], (tx) => tx.setting('trust'));
    const keys = stored!.keys as { locked: true; sign: CryptoKey; box: CryptoKey };
    expect(keys.sign.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', keys.sign)).rejects.toThrow();
    // Head office's acknowledgement, sealed to the plant's non-extractable box key, opens there.
    const p = await readTrust(plant.store);
    const b = (await exportSync(plant.store, plant.actor, { org: p.org!, certificate: p.certificate!, keys: p.keys! }))!;
    const h = await readTrust(hq.store);
    expect((await receive(hq.store, hq.actor, [{ name: b.fileName, bytes: b.bytes }], { org: h.org! }, h.keys!)).applied).toHaveLength(1);
    const { acknowledgement } = await import('../../shared/bundle/replica.ts');
    const ack = await acknowledgement(hq.store, hq.actor, { org: h.org!, keys: h.secret! }, 'plant:LY1');
    expect((await receive(plant.store, plant.actor, [{ name: ack.fileName, bytes: ack.bytes }], { org: p.org! }, p.keys!)).applied).toHaveLength(1);
  });
});
