import { InfoCard, LinkButton } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';

/** Where the request-environment template is, unless config says otherwise. */
export const DEFAULT_REQUEST_TEMPLATE_PATH =
  '/create/templates/default/request-dev-environment';

/** The template's link, with the name field prefilled after the service. */
export function requestEnvironmentLink(
  templatePath: string,
  serviceName: string,
): string {
  // The scaffolder reads initial form values from `formData`.
  const formData = JSON.stringify({ name: `${serviceName}-dev`.slice(0, 63) });
  return `${templatePath}?formData=${encodeURIComponent(formData)}`;
}

/**
 * On a service's page: one click to the request-environment template, so trying the service in
 * an environment of one's own does not start with finding the template.
 */
export const RequestEnvironmentCard = () => {
  const { entity } = useEntity();
  const config = useApi(configApiRef);
  const templatePath =
    config.getOptionalString('kubeplatform.devenv.requestTemplatePath') ??
    DEFAULT_REQUEST_TEMPLATE_PATH;
  return (
    <InfoCard title="Development environment">
      <Typography variant="body2" paragraph>
        Try {entity.metadata.title ?? entity.metadata.name} in an environment of
        your own on a platform cluster: it has a quota, an expiry and a command
        to connect.
      </Typography>
      <LinkButton
        to={requestEnvironmentLink(templatePath, entity.metadata.name)}
        variant="contained"
        color="primary"
      >
        Request an environment
      </LinkButton>
    </InfoCard>
  );
};
