/** The tests read JPEG quality back with the host's own estimator (electron/host/capture/photo/jpeg-quality.ts). */
export * from '../../../../../electron/host/capture/photo/jpeg-quality';
