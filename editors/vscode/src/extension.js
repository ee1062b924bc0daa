// The yjs extension: starts `yjs lsp` as the language server of .yjs files.
// Bundled with vscode-languageclient into dist/extension.js by tests/consumers/vscode/package.test.mjs.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

/** Starts the language client with the configured binary (`yjs.path`, default `yjs`). */
function activate(context) {
  const command = vscode.workspace.getConfiguration('yjs').get('path') || 'yjs';
  const server = { command, args: ['lsp'] };
  client = new LanguageClient(
    'yjs',
    'yjs language server',
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: 'file', language: 'yjs' }],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.yjs') },
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
