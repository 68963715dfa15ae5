/**
 * scripts/lib/netns.ts on this machine (root, iproute2): a server inside the
 * namespace is reached from the root namespace at its address, two callers get
 * different namespaces and subnets, and what a killed run left is cleaned.
 */
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { allocateNetns, createNetns, describeNetnsError, type Netns } from '../../scripts/lib/netns';

const open: Netns[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((ns) => ns.stop()));
});

function take(made: ReturnType<typeof allocateNetns>): Netns {
  if (!made.ok) throw new Error(describeNetnsError(made.error));
  open.push(made.value);
  return made.value;
}

function namespaces(): string[] {
  return spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout.split('\n').map((line) => line.split(' ')[0]!).filter(Boolean);
}

/** The line a TCP server at host:port greets with, or null when nothing answers. */
function greeting(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', () => resolve(null));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(null);
    });
  });
}

describe('network namespace with a veth pair', () => {
  it('runs a server inside that the root namespace reaches at the namespace address, not at its own', async () => {
    const ns = take(allocateNetns());
    const script = "require('net').createServer((s)=>s.end('inside')).listen(7070,process.argv[1],()=>console.log('up'))";
    const server = ns.exec([process.execPath, '-e', script, ns.nsIp], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));
    expect(await greeting(ns.nsIp, 7070)).toBe('inside');
    // The namespace has its own stack: its loopback is not ours.
    expect(await greeting('127.0.0.1', 7070)).toBeNull();
    await ns.stop();
    expect(server.exitCode !== null || server.signalCode !== null).toBe(true);
    expect(namespaces()).not.toContain(ns.name);
  });

  it('gives two callers different namespaces and subnets, and stop() is safe twice', async () => {
    const a = take(allocateNetns());
    const b = take(allocateNetns());
    expect(a.name).not.toBe(b.name);
    expect(a.nsIp).not.toBe(b.nsIp);
    expect(a.hostLink).not.toBe(b.hostLink);
    await a.stop();
    await a.stop();
    expect(namespaces()).toContain(b.name);
    expect(namespaces()).not.toContain(a.name);
  });

  it('replaces what a killed run of the same name left behind', async () => {
    const plan = { name: `onedoor-left-${process.pid}`, hostIp: '10.213.255.249', nsIp: '10.213.255.250', prefix: 30 };
    const first = createNetns(plan);
    expect(first.ok).toBe(true);
    // No stop(): as if the run had been killed. The same plan again still works.
    const second = take(createNetns(plan));
    expect(namespaces().filter((name) => name === plan.name)).toHaveLength(1);
    const child = second.exec(['ip', '-4', '-o', 'addr', 'show'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    expect(out).toContain(`${plan.nsIp}/30`);
  });

  it('refuses a plan that would not work, as a value', () => {
    const made = createNetns({ name: 'bad name', hostIp: '10.213.255.253', nsIp: '10.213.255.254', prefix: 30 });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(describeNetnsError(made.error)).toMatch(/name/);
  });

  it('refuses without root, saying so', () => {
    const script = "import('./scripts/lib/netns.ts').then((m)=>{const r=m.allocateNetns();console.log(r.ok?'made':r.error.kind)})";
    const run = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, '--import', 'tsx', '-e', script], { encoding: 'utf8', cwd: process.cwd() });
    expect(run.stdout.trim()).toBe('notRoot');
  });
});

