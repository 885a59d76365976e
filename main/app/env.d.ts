/// <reference types="electron-vite/node" />
// electron-vite's import suffixes (`?modulePath` bundles a module on its own and yields its path).
