package org.morgue.search;

/** The archive's span of days and its articles by day: what a histogram's buckets are cut from. */
interface ArchiveDays {
  /** The archive's first day (epoch day), or {@link Long#MAX_VALUE} when none is dated. */
  long minDay();

  /** The archive's last day, or {@link Long#MIN_VALUE}. */
  long maxDay();

  /** Every live article counted by day. */
  DayCounts allDays();
}
