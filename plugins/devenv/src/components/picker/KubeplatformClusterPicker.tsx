import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useEffect, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { devenvApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';
import { pickerOptions, PickerUiOptions } from './pickerOptions';

export const KUBEPLATFORM_CLUSTER_PICKER = 'KubeplatformClusterPicker';

/**
 * A template field that offers the platform's clusters (`ui:options.pick: cluster`, the default,
 * optionally only those of one `environment` such as development) or its environment classes
 * (`pick: class`), as the devenv API lists them. Credentials never pass through the form.
 */
export const KubeplatformClusterPicker = (
  props: FieldExtensionComponentProps<string, PickerUiOptions>,
) => {
  const {
    onChange,
    formData,
    schema,
    uiSchema,
    rawErrors,
    required,
    disabled,
    idSchema,
  } = props;
  const uiOptions = uiSchema?.['ui:options'] ?? {};
  const api = useApi(devenvApiRef);
  const state = useAsync(async () => {
    const [clusters, classes] = await Promise.all([
      uiOptions.pick === 'class' ? Promise.resolve([]) : api.listClusters(),
      uiOptions.pick === 'class' ? api.listClasses() : Promise.resolve([]),
    ]);
    return pickerOptions(uiOptions, clusters, classes);
  }, [api, uiOptions.pick, uiOptions.environment]);

  const options = useMemo(() => state.value ?? [], [state.value]);
  useEffect(() => {
    if (!formData && options.length === 1) {
      onChange(options[0].value);
    }
  }, [formData, options, onChange]);

  const selected = options.find(o => o.value === formData);
  const helper = state.error
    ? `Could not load the list: ${errorMessage(state.error)}`
    : selected?.description ?? schema.description;
  const label =
    schema.title ??
    (uiOptions.pick === 'class' ? 'Environment class' : 'Cluster');
  return (
    <FormControl
      fullWidth
      margin="normal"
      required={required}
      error={!!rawErrors?.length || !!state.error}
    >
      <TextField
        id={idSchema?.$id}
        select
        label={label}
        value={selected ? formData : ''}
        required={required}
        disabled={disabled || state.loading}
        onChange={e => onChange(e.target.value as string)}
        error={!!rawErrors?.length || !!state.error}
        SelectProps={{ 'aria-label': label }}
      >
        {options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </TextField>
      {helper && <FormHelperText>{helper}</FormHelperText>}
    </FormControl>
  );
};
