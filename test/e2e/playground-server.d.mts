/** The playground's Vite config (absolute path). */
export declare const PLAYGROUND_CONFIG: string
/** A built playground served by `vite preview`. */
export interface RunningPlayground {
  /** Base URL, e.g. `http://127.0.0.1:41234/`. */
  url: string
  /** The temporary build directory. */
  outDir: string
  /** Stops the server and removes the build. */
  close(): Promise<void>
}
/**
 * Builds the playground into a temporary directory and serves it on 127.0.0.1: `port` first (the next free one
 * when busy), else any free port. `label` names the temporary directory.
 */
export declare function startPlayground(options?: { label?: string; port?: number }): Promise<RunningPlayground>
