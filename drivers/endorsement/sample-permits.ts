/**
 * The simulator's sample cards: the electronic permits of the sandbox's
 * 出入境 people (names and birth dates from their ID numbers, validity as in
 * electron/host/services/shared/exit-entry/sandbox.json, relative to today),
 * a damaged permit whose chip answers garbage, and a bank card that has no
 * permit application.
 */
import { addDays, type IsoDate } from '../../domain/calendar-date';
import { maskName } from '../../domain/mask';
import type { EndorsementRecord, PermitRecord } from './records';

/** What lies on the simulated writer. */
export type SampleCardKind = 'permit' | 'damaged' | 'notAPermit';

export interface SampleCard {
  /** The permit number for a permit; `damaged`, `bank-card` otherwise. The dock's `dock-permit-<id>`. */
  id: string;
  kind: SampleCardKind;
  /** For the dock, in Chinese (installers' and testers' language) with the holder's name masked. */
  label: string;
  permit?: PermitRecord;
  endorsements: EndorsementRecord[];
  /** How many endorsement records the chip holds at most. */
  capacity: number;
}

/** Endorsement records a permit chip has room for (the simulator's choice; a real chip says 6A84 when full). */
export const SAMPLE_CAPACITY = 8;

interface PermitSeed {
  permitNumber: string;
  permitType: PermitRecord['permitType'];
  name: string;
  birthDate: string;
  /** Days from today, as the exit-entry sandbox has it. */
  validForDays: number;
  endorsements?: (today: IsoDate) => EndorsementRecord[];
}

const SEEDS: readonly PermitSeed[] = [
  { permitNumber: 'C38816402', permitType: 'hkMacauPermit', name: '陈思远', birthDate: '1990-01-01', validForDays: 2950 },
  {
    permitNumber: 'C51234567',
    permitType: 'hkMacauPermit',
    name: '吴国强',
   
    birthDate: '1980-11-25',
    validForDays: 2750,
    // A used-up 个人旅游 endorsement from last year, as a chip that has been in use holds.
    endorsements: (today) => [{ destination: 'hongKong', type: 'G', entries: 'single', validFrom: addDays(today, -400), validUntil: addDays(today, -310), stayDays: 7, number: 'HG2025000123' }],
  },
  { permitNumber: 'L21234567', permitType: 'taiwanPermit', name: '吴国强', birthDate: '1980-11-25', validForDays: 3250 },
  { permitNumber: 'C60123456', permitType: 'hkMacauPermit', name: '郑丽', birthDate: '1992-03-08', validForDays: 2450 },
  { permitNumber: 'C72345678', permitType: 'hkMacauPermit', name: '赵欣', birthDate: '1991-08-15', validForDays: 3350 },
];

/** Every sample card, with dates resolved against `today`. */
export function sampleCards(today: IsoDate): SampleCard[] {
  const permits = SEEDS.map((seed): SampleCard => ({
    id: seed.permitNumber,
    kind: 'permit',
    label: `${seed.permitType === 'hkMacauPermit' ? '港澳通行证' : '台湾通行证'} ${seed.permitNumber} ${maskName(seed.name)}`,
    permit: { permitType: seed.permitType, permitNumber: seed.permitNumber, name: seed.name, birthDate: seed.birthDate, validUntil: addDays(today, seed.validForDays) },
    endorsements: seed.endorsements?.(today) ?? [],
    capacity: SAMPLE_CAPACITY,
  }));
  return [
    ...permits,
    { id: 'damaged', kind: 'damaged', label: '损坏的通行证（芯片读不出）', endorsements: [], capacity: 0 },
    { id: 'bank-card', kind: 'notAPermit', label: '银行卡（不是通行证）', endorsements: [], capacity: 0 },
  ];
}

export const SAMPLE_CARD_IDS: readonly string[] = [...SEEDS.map((s) => s.permitNumber), 'damaged', 'bank-card'];
