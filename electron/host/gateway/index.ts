/** The police back-end: interface, embedded sandbox, HTTP client and the sandbox's HTTP server. */
export * from './police-gateway';
export { type BackendOperation, type SandboxWorld, OPERATION_NAME, operationPath } from './operation';
export { sealedText, sealSignatureValid, type SealedFacts } from './electronic-seal';
export { type CertificateCheck, type SealPublicKey, type SandboxCertificateRegister } from './sandbox-certificates';
export { createSandboxGateway, createMemorySequences, DEFAULT_SANDBOX_VERIFY_BASE_URL, SANDBOX_SERVER_DEFAULT_PORT, type SandboxGateway, type SandboxOptions, type SandboxFaceMatcher, type SandboxStats, type SequenceSource } from './sandbox-gateway';
export { loadSandboxData, defaultSandboxDataPath, SandboxData, type SandboxCitizen } from './sandbox-data';
export { createHttpGateway, type HttpGatewayOptions, type LinkWatcher } from './http-gateway';
export { createTlsLink, createPlainSandboxLink, spkiPin, type TlsLinkSettings } from './tls-link';
export type { Link, LinkOutcome, LinkRefusal } from './link';
export { startSandboxServer, type SandboxServer, type SandboxServerOptions, type InjectedFault } from './sandbox-server';
export { GATEWAY_PATHS, IDEMPOTENCY_HEADER } from './wire-schemas';
export { createGatewayFromConfig, type GatewayFromConfigOptions } from './from-config';
