// For tests: what Kubernetes does to a container's args before the process starts.

/**
 * Kubernetes' expansion of `$(NAME)` in a container's args (k8s.io/kubernetes
 * third_party/forked/golang/expansion): `$$` is a literal `$`, `$(NAME)` of a defined variable is
 * its value, anything else stays as written.
 */
export function expandLikeKubernetes(arg: string, env: Readonly<Record<string, string>>): string {
  return arg.replace(/\$\$|\$\(([^)]*)\)/g, (match: string, name: string | undefined) => {
    if (match === '$$') return '$';
    return name !== undefined && name in env ? (env[name] ?? '') : match;
  });
}
