import { describe, expect, it } from 'vitest';
import { forbiddenSwitches } from '../../../electron/main/debug-switches';

const none = () => false;

describe('switches a packaged kiosk refuses to start with', () => {
  it('finds remote debugging and the Node inspector on the command line, in every spelling Chromium accepts', () => {
    expect(forbiddenSwitches(['/opt/OneDoor/onedoor', '--remote-debugging-port=9222'], none, 'linux')).toEqual(['remote-debugging-port']);
    expect(forbiddenSwitches(['/opt/OneDoor/onedoor', '-remote-debugging-port', '9222'], none, 'linux')).toEqual(['remote-debugging-port']);
    expect(forbiddenSwitches(['/opt/OneDoor/onedoor', '--remote-debugging-pipe'], none, 'linux')).toEqual(['remote-debugging-pipe']);
    expect(forbiddenSwitches(['/opt/OneDoor/onedoor', '--inspect=0.0.0.0:9229', '--inspect-brk'], none, 'linux')).toEqual(['inspect', 'inspect-brk']);
    expect(forbiddenSwitches(['C:\\OneDoor\\OneDoor.exe', '/Remote-Debugging-Port=9222'], none, 'win32')).toEqual(['remote-debugging-port']);
  });

  it('finds switches that weaken the sandbox or web security', () => {
    expect(forbiddenSwitches(['onedoor', '--no-sandbox', '--disable-web-security', '--js-flags=--allow-natives-syntax'], none, 'linux')).toEqual(['no-sandbox', 'disable-web-security', 'js-flags']);
  });

  it('finds a switch Chromium was given some other way (asked through app.commandLine)', () => {
    expect(forbiddenSwitches(['onedoor'], (name) => name === 'remote-debugging-port', 'linux')).toEqual(['remote-debugging-port']);
  });

  it('lets the kiosk’s own and harmless arguments through', () => {
    expect(forbiddenSwitches(['onedoor', '--config=/etc/onedoor/config.json', '--lang=zh-CN', '--remote-debugging-portal'], none, 'linux')).toEqual([]);
    // After `--` Chromium reads no switches.
    expect(forbiddenSwitches(['onedoor', '--', '--remote-debugging-port=9222'], none, 'linux')).toEqual([]);
  });
});
