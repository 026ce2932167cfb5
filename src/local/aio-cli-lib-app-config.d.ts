// Minimal typings for @adobe/aio-cli-lib-app-config (the package ships none); only what we call.
declare module '@adobe/aio-cli-lib-app-config' {
  export interface LoadedAppConfig {
    all: Record<
      string,
      {
        manifest?: { full?: { packages?: Record<string, unknown> } };
        events?: { registrations?: Record<string, unknown> };
        web?: { src?: string };
      }
    >;
    implements: string[];
    root: string;
  }
  export function load(options?: {
    allowNoImpl?: boolean;
    ignoreAioConfig?: boolean;
    validateAppConfig?: boolean;
  }): Promise<LoadedAppConfig>;
  export function coalesce(
    appConfigFile: string,
    options?: { absolutePaths?: boolean },
  ): Promise<{ config: Record<string, unknown>; includeIndex: Record<string, unknown> }>;
  export function validate(
    config: unknown,
    options?: { throws?: boolean },
  ): Promise<{ valid: boolean; errors: unknown[] | null }>;
}
