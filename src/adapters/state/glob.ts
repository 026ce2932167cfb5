/** State-service glob: `*` matches any run of characters; everything else is literal. */
export const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.\\^$+?()[\]{}|-]/g, '\\$&'))
      .join('.*')}$`,
  );
