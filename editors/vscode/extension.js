// Starts `supplint server` for labels, pages and DSLD records; everything else is the language server's.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("supplint").get("path") || "supplint";
  const server = { command, args: ["server"], transport: TransportKind.stdio };
  const documentSelector = ["yaml", "markdown", "mdx", "html", "json"].map((language) => ({ scheme: "file", language }))
    .concat([{ scheme: "untitled", language: "yaml" }]);
  client = new LanguageClient("supplint", "supplint", server, { documentSelector });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
