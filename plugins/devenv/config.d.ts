export interface Config {
  kubeplatform?: {
    devenv?: {
      /**
       * Where the service page's "Request an environment" card links: the path of the
       * request-environment template in the app. Default
       * `/create/templates/default/request-dev-environment`.
       * @visibility frontend
       */
      requestTemplatePath?: string;
    };
  };
}
