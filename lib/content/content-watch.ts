import { watch, type FSWatcher } from 'node:fs';

/**
 * Tells the development server whether anything under a content folder changed since it last
 * asked, so a reload re-reads the tree only after an edit (at archive scale, reading and hashing
 * every file is seconds). One recursive watcher per folder per process. When the folder cannot
 * be watched (no inotify watches left, say), the generation changes every second: the server
 * falls back to re-reading on each reload (unchanged files come from the file cache), while the
 * several asks of one page render still share one load.
 */
export type ContentWatch = {
  /** A number that grows with every change seen. */
  readonly generation: number;
  /** Whether the folder is really watched; if not, the generation is the current second. */
  readonly watching: boolean;
  close: () => void;
};

const WATCHES = Symbol.for('crisis-briefings.content-watches');
type WatchHolder = { [WATCHES]?: Map<string, ContentWatch> };

export function watchContent(contentDir: string): ContentWatch {
  const holder = globalThis as WatchHolder;
  const watches = (holder[WATCHES] ??= new Map());
  let found = watches.get(contentDir);
  if (!found) {
    found = startWatch(contentDir);
    watches.set(contentDir, found);
  }
  return found;
}

function startWatch(contentDir: string): ContentWatch {
  let generation = 0;
  let watcher: FSWatcher | undefined;
  let watching = false;
  const state: ContentWatch = {
    get generation() {
      return watching ? generation : -Math.floor(Date.now() / 1_000);
    },
    get watching() {
      return watching;
    },
    close() {
      watching = false;
      watcher?.close();
    },
  };
  try {
    watcher = watch(contentDir, { recursive: true, persistent: false }, () => {
      generation += 1;
    });
    watching = true;
    watcher.on('error', () => {
      watching = false;
      watcher?.close();
    });
  } catch {
    watching = false;
  }
  return state;
}
