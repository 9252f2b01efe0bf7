// Fast local-time formatting for exports: zone offsets cached per 15 minutes (every real DST
// change falls on such a boundary), so a million rows need a few thousand luxon look-ups, not two million.
import { IANAZone } from 'luxon';

const SLOT_MS = 15 * 60_000;

/** Formats UTC instants as local wall-clock text in one IANA zone. */
export class LocalTimeFormatter {
  private readonly zone: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(readonly zoneName: string) {
    this.zone = IANAZone.create(zoneName);
    if (!this.zone.isValid) throw new Error(`unknown time zone: ${zoneName}`);
  }

  /** The zone's UTC offset at `ms`, in minutes. */
  offsetMinutes(ms: number): number {
    const slot = Math.floor(ms / SLOT_MS);
    let offset = this.offsets.get(slot);
    if (offset === undefined) {
      offset = this.zone.offset(ms);
      this.offsets.set(slot, offset);
    }
    return offset;
  }

  /** 'YYYY-MM-DD HH:mm:ss' local time (spreadsheet-friendly), or '' for NaN. */
  format(ms: number): string {
    if (Number.isNaN(ms)) return '';
    const iso = new Date(ms + this.offsetMinutes(ms) * 60_000).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
}
