import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';

export const ResultChips = ({ labels }: { labels: string[] }) => (
  <Box display="flex" flexWrap="wrap" mt={0.5}>
    {labels.map(label => (
      <Chip key={label} size="small" label={label} style={{ marginRight: 4 }} />
    ))}
  </Box>
);
