/** 可视化代办 at the kiosk: the hall's proxy cases over the hall link, and the renderer's signalling. */
export { createKioskProxy, OPEN_ANSWER_MS, type KioskProxy, type ProxyDeskDeps, type SignalRefusal } from './proxy-desk';
export type { ProxyChannel } from './proxy-channel';
export { proxySignalHandlers } from './signal-handler';
