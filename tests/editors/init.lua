-- Neovim's built-in LSP client, configured as docs/editors.md says, for tests/test_editors.py: it starts
-- `supplint server` for the file given on the command line and writes the first diagnostics it receives for it
-- (the protocol's own JSON) to $SUPPLINT_NVIM_OUT, then quits. A timer quits in any case, so nothing hangs.
local out = os.getenv("SUPPLINT_NVIM_OUT")
local python = os.getenv("SUPPLINT_PYTHON") or "python3"
local limit = tonumber(os.getenv("SUPPLINT_NVIM_TIMEOUT_MS") or "20000")

local function finish(payload)
  vim.fn.writefile({ vim.fn.json_encode(payload) }, out)
  vim.cmd("qall!")
end

local default = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  default(err, result, ctx, config)
  if result and #result.diagnostics > 0 then
    vim.schedule(function() finish({ uri = result.uri, diagnostics = result.diagnostics }) end)
  end
end

local config = {
  name = "supplint",
  cmd = { python, "-m", "supplint", "server" },
  root_dir = vim.fn.getcwd(),
}

vim.api.nvim_create_autocmd("BufEnter", {
  callback = function(args)
    if vim.api.nvim_buf_get_name(args.buf) == "" then return end
    if vim.lsp.start then -- Neovim 0.8 and later
      vim.lsp.start(config, { bufnr = args.buf })
    else -- Neovim 0.7 (Debian 12)
      local id = vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})

vim.defer_fn(function() finish({ error = "no diagnostics within " .. limit .. " ms" }) end, limit)
