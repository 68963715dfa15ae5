/** Inline SVG icons (no external assets). Decorative: always paired with words. */
import type { ReactElement } from 'react';
import type { DeviceKind } from '../../electron/contract';
import './icons.css';

const base = { viewBox: '0 0 48 48', fill: 'none', stroke: 'currentColor', strokeWidth: 3, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true, focusable: false } as const;

/** A resident ID card. */
export function IdCardIcon({ className }: { className?: string }): ReactElement {
  return (
    <svg {...base} className={className}>
      <rect x="4" y="10" width="40" height="28" rx="4" />
      <circle cx="16" cy="22" r="5" />
      <path d="M9 33c1.5-4 4-5.5 7-5.5s5.5 1.5 7 5.5M28 19h10M28 25h10M28 31h6" />
    </svg>
  );
}

function ReceiptIcon(): ReactElement {
  return (
    <svg {...base}>
      <path d="M12 6h24v36l-4-3-4 3-4-3-4 3-4-3-4 3z" />
      <path d="M18 16h12M18 23h12M18 30h8" />
    </svg>
  );
}

function PrinterIcon(): ReactElement {
  return (
    <svg {...base}>
      <path d="M14 18V6h20v12M14 34H8V18h32v16h-6" />
      <rect x="14" y="28" width="20" height="14" />
    </svg>
  );
}

function CameraIcon(): ReactElement {
  return (
    <svg {...base}>
      <rect x="4" y="14" width="40" height="26" rx="4" />
      <path d="M16 14l3-6h10l3 6" />
      <circle cx="24" cy="27" r="7" />
    </svg>
  );
}

function ScannerIcon(): ReactElement {
  return (
    <svg {...base}>
      <path d="M6 16V6h10M32 6h10v10M42 32v10H32M16 42H6V32" />
      <path d="M14 16v16M20 16v16M26 16v16M32 16v16" />
    </svg>
  );
}

function FingerprintIcon(): ReactElement {
  return (
    <svg {...base}>
      <path d="M14 40c-3-5-4-10-4-16a14 14 0 0 1 28 0M24 24c0 7 1 12 4 17M18 24a6 6 0 0 1 12 0c0 5 1 9 3 13M38 30c0 3 .5 6 1.5 8" />
    </svg>
  );
}

/** A permit card with its chip over the writer's contactless field. */
function EndorsementWriterIcon(): ReactElement {
  return (
    <svg {...base}>
      <rect x="6" y="18" width="36" height="22" rx="3" />
      <rect x="11" y="24" width="9" height="8" rx="1" />
      <path d="M17 12a10 10 0 0 1 14 0M20 8a15 15 0 0 1 8 0" />
    </svg>
  );
}

const deviceIcons: Record<DeviceKind, () => ReactElement> = {
  idcard: () => <IdCardIcon />,
  receiptPrinter: ReceiptIcon,
  a4Printer: PrinterIcon,
  camera: CameraIcon,
  scanner: ScannerIcon,
  fingerprint: FingerprintIcon,
  endorsementWriter: EndorsementWriterIcon,
};

/** The icon of a device kind. */
export function DeviceIcon({ kind }: { kind: DeviceKind }): ReactElement {
  const Icon = deviceIcons[kind];
  return <Icon />;
}

/** How a status reads at a glance; each tone has its own shape as well as colour. */
export type StatusTone = 'ok' | 'warn' | 'error' | 'neutral';

/** Shape per tone: ok = circle with tick, warn = triangle with "!", error = square with cross, neutral = ring with dots. */
export function StatusShape({ tone }: { tone: StatusTone }): ReactElement {
  switch (tone) {
    case 'ok':
      return (
        <svg {...base} className="status-shape">
          <circle cx="24" cy="24" r="19" fill="currentColor" stroke="none" />
          <path d="M14 24l7 7 13-14" stroke="#fff" strokeWidth="5" />
        </svg>
      );
    case 'warn':
      return (
        <svg {...base} className="status-shape">
          <path d="M24 4l21 38H3z" fill="currentColor" stroke="none" />
          <path d="M24 17v12M24 35v1" stroke="#fff" strokeWidth="5" />
        </svg>
      );
    case 'error':
      return (
        <svg {...base} className="status-shape">
          <rect x="5" y="5" width="38" height="38" rx="3" fill="currentColor" stroke="none" />
          <path d="M16 16l16 16M32 16L16 32" stroke="#fff" strokeWidth="5" />
        </svg>
      );
    case 'neutral':
      return (
        <svg {...base} className="status-shape">
          <circle cx="24" cy="24" r="18" strokeWidth="4" />
          <path d="M16 24h.01M24 24h.01M32 24h.01" strokeWidth="6" />
        </svg>
      );
  }
}
