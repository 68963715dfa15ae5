/** A traffic sign of the 三力测试, drawn (no image files): its shape and colours after GB 5768, with its name for screen readers. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbilitySign } from '../../../electron/contract';

const RED = '#c8102e';
const BLUE = '#0b4ea2';
const YELLOW = '#f5c400';

function arrow(rotate: number): ReactElement {
  return (
    <g transform={`rotate(${rotate} 50 50)`} fill="#fff">
      <rect x="44" y="40" width="12" height="38" />
      <polygon points="50,18 30,44 70,44" />
    </g>
  );
}

function shape(sign: AbilitySign): ReactElement {
  switch (sign) {
    case 'stop':
      return (
        <>
          <polygon points="30,4 70,4 96,30 96,70 70,96 30,96 4,70 4,30" fill={RED} />
          <text x="50" y="64" textAnchor="middle" fontSize="40" fill="#fff" fontWeight="700">停</text>
        </>
      );
    case 'noEntry':
      return (
        <>
          <circle cx="50" cy="50" r="46" fill={RED} />
          <rect x="18" y="42" width="64" height="16" fill="#fff" />
        </>
      );
    case 'speedLimit40':
      return (
        <>
          <circle cx="50" cy="50" r="44" fill="#fff" stroke={RED} strokeWidth="10" />
          <text x="50" y="64" textAnchor="middle" fontSize="40" fill="#000" fontWeight="700">40</text>
        </>
      );
    case 'yield':
      return (
        <>
          <polygon points="4,8 96,8 50,94" fill="#fff" stroke={RED} strokeWidth="8" />
          <text x="50" y="50" textAnchor="middle" fontSize="30" fill="#000" fontWeight="700">让</text>
        </>
      );
    case 'turnLeft':
      return (
        <>
          <circle cx="50" cy="50" r="46" fill={BLUE} />
          {arrow(-90)}
        </>
      );
    case 'turnRight':
      return (
        <>
          <circle cx="50" cy="50" r="46" fill={BLUE} />
          {arrow(90)}
        </>
      );
    case 'straight':
      return (
        <>
          <circle cx="50" cy="50" r="46" fill={BLUE} />
          {arrow(0)}
        </>
      );
    case 'pedestrianCrossing':
      return (
        <>
          <polygon points="50,4 96,92 4,92" fill={YELLOW} stroke="#000" strokeWidth="4" />
          <text x="50" y="78" textAnchor="middle" fontSize="36" fill="#000" fontWeight="700">人</text>
        </>
      );
    case 'school':
      return (
        <>
          <polygon points="50,4 96,92 4,92" fill={YELLOW} stroke="#000" strokeWidth="4" />
          <text x="50" y="78" textAnchor="middle" fontSize="36" fill="#000" fontWeight="700">学</text>
        </>
      );
    case 'noParking':
      return (
        <>
          <circle cx="50" cy="50" r="44" fill={BLUE} stroke={RED} strokeWidth="10" />
          <line x1="20" y1="20" x2="80" y2="80" stroke={RED} strokeWidth="10" />
          <line x1="80" y1="20" x2="20" y2="80" stroke={RED} strokeWidth="10" />
        </>
      );
    case 'noHorn':
      return (
        <>
          <circle cx="50" cy="50" r="44" fill="#fff" stroke={RED} strokeWidth="10" />
          <text x="50" y="62" textAnchor="middle" fontSize="30" fill="#000" fontWeight="700">鸣</text>
          <line x1="20" y1="20" x2="80" y2="80" stroke={RED} strokeWidth="8" />
        </>
      );
    default: {
      const unknown: never = sign;
      throw new Error(`no picture for ${String(unknown)}`);
    }
  }
}

/** `data-testid="ability-sign"` with `data-sign` (the sign's id). */
export function SignPicture({ sign, size = 160 }: { sign: AbilitySign; size?: number }): ReactElement {
  const { t } = useTranslation();
  return (
    <svg className="ability-sign" data-testid="ability-sign" data-sign={sign} role="img" aria-label={t(`flow.abilityTest.signs.${sign}`)} viewBox="0 0 100 100" width={size} height={size}>
      {shape(sign)}
    </svg>
  );
}
