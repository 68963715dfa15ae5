/** A value drawn in groups (6-8-4, 3-4-4…), with real spaces between them for screen readers. */
import { Fragment, type ReactElement } from 'react';

/** Props of {@link GroupedValue}. */
export interface GroupedValueProps {
  groups: readonly string[];
  /** Extra class on each group, e.g. the plate's `·` separator. */
  groupClassName?: string;
}

/** Each group a span; the spaces collapse in the flex display and the gap draws the separation. */
export function GroupedValue({ groups, groupClassName }: GroupedValueProps): ReactElement {
  return (
    <>
      {groups.map((group, i) => (
        <Fragment key={i}>
          {i > 0 ? ' ' : null}
          <span className={['kb-display__group', groupClassName].filter(Boolean).join(' ')}>{group}</span>
        </Fragment>
      ))}
    </>
  );
}
