/** An autoscaler for the `basket` Deployment, as a YAML document. */
export const BASKET_HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: basket
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: basket }
  minReplicas: 1
  maxReplicas: 2
`;
