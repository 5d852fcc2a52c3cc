import Skeleton from '@material-ui/lab/Skeleton';

/** Placeholder rows in the shape of the content that is loading. */
export function LoadingSkeleton({
  rows = 3,
  label,
}: {
  rows?: number;
  label: string;
}) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-busy="true"
      data-testid="loading-skeleton"
    >
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton
          key={i}
          variant="rect"
          height={28}
          style={{ marginBottom: 8 }}
        />
      ))}
    </div>
  );
}
