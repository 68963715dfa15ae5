/** The call mesh the phone page uses: the one the kiosk and the console use too. */
export { createProxyCallMesh as createCallMesh } from '../../../renderer/proxy-call/mesh';
