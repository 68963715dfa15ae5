import { afterEach, describe, expect, it } from 'vitest';
import { GA467_COMMANDS } from '../../../drivers/idcard/commands';
import { FrameExchange } from '../../../drivers/idcard/exchange';
import { encodeCommand } from '../../../drivers/idcard/frame';
import { loadSampleCard } from '../../../drivers/idcard/sample-cards';
import { createIdCardSimulator, type IdCardSimulator } from '../../../drivers/idcard/simulator';
import { createMemoryPair } from '../../../drivers/transport/memory';

let sim: IdCardSimulator | undefined;
afterEach(async () => sim?.stop());

describe('simulated reader losing power', () => {
  it('reads a card left on the reader again after a power cycle, as a real reader does', async () => {
    const [host, device] = createMemoryPair();
    sim = createIdCardSimulator(device);
    await host.open();
    await sim.start();
    const sample = loadSampleCard('resident-han');
    if (!sample.ok) throw new Error('sample missing');
    sim.placeCard({ text: sample.value.text, photo: sample.value.photo });
    const exchange = new FrameExchange(host);
    host.on('data', (chunk) => exchange.receive(chunk));
    const sw3 = async (command: { cmd: number; para: number }) => {
      const outcome = await exchange.send(encodeCommand(command.cmd, command.para), 1000);
      return outcome.kind === 'frame' ? outcome.frame.sw3 : outcome.kind;
    };
    expect(await sw3(GA467_COMMANDS.findCard)).toBe(0x9f);
    expect(await sw3(GA467_COMMANDS.selectCard)).toBe(0x90);
    expect(await sw3(GA467_COMMANDS.readText)).toBe(0x90);
    expect(await sw3(GA467_COMMANDS.findCard)).toBe(0x80); // halted until lifted
    sim.powerCycle();
    expect(await sw3(GA467_COMMANDS.findCard)).toBe(0x9f);
  });
});
