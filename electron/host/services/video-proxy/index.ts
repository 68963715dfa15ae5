/**
 * 可视化代办 (video-assisted proxy, issue 19): a relative (the agent) at the
 * kiosk does a service for someone who cannot come (the principal), who
 * joins a video call on their own phone; an officer approves at the hall
 * console. Free: the proxy adds no fee of its own (the chosen service's
 * rule applies to its run).
 */
import type { ServiceModule } from '../service-module';
import { SERVICE_ID, videoProxyFlow } from './flow';
import { wording } from './wording';

const videoProxy: ServiceModule = {
  id: SERVICE_ID,
  catalogue: {
    category: 'proxy',
    name: { 'zh-CN': '可视化代办', en: 'Video-assisted proxy application' },
    // The agent's card and the call's camera.
    devices: ['idcard', 'camera'],
    audience: ['resident', 'hmt'],
    // A proxy of a proxy is no one's proof.
    proxy: false,
    order: 10,
  },
  fee: { items: [], exemptions: [], chargedOn: [], freeBasis: '可视化代办本身不收费，所办业务按其规定' },
  outcomes: ['approved', 'proxyEnded'],
  documents: [],
  wording,
  flow: videoProxyFlow,
};

export default videoProxy;
