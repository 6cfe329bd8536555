-- A student's session in a real Neovim (0.7+, headless), against `infoview lsp`:
-- open an interview, wait for its diagnostics, type an answerable-online question under
-- a goal (without saving), see IV303 appear, apply the quick fix through Neovim's own
-- code-action path, and see IV303 clear. Prints what happened; exits non-zero on failure.
--
-- Run by tests/lsp/test_neovim.py:
--   IV_ROOT=<workspace> IV_FILE=<interview> IV_SERVER='["infoview", "lsp"]' \
--   nvim --headless -u NONE -i NONE -n -c "luafile lint_as_you_type.lua"

local root, file = os.getenv("IV_ROOT"), os.getenv("IV_FILE")
local cmd = vim.fn.json_decode(os.getenv("IV_SERVER"))
local QUESTION = "- What does your company do?"

local function say(message)
  io.stdout:write(message .. "\n")
end

local function fail(message)
  io.stderr:write("FAIL: " .. message .. "\n")
  vim.cmd("cquit 1")
end

local function wait_for(what, predicate)
  if not vim.wait(20000, predicate, 20) then
    fail("timed out waiting for " .. what)
  end
end

local published = 0
local publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  published = published + 1
  return publish(err, result, ctx, config)
end

local function codes_at(bufnr, lnum)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = lnum })) do
    found[#found + 1] = d.code
  end
  return table.concat(found, " ")
end

local function main()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({ name = "infoview", cmd = cmd, root_dir = root })
  if not client_id then
    fail("the server did not start")
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  wait_for("the first diagnostics", function()
    return published > 0
  end)
  say("diagnostics: " .. #vim.diagnostic.get(bufnr))

  -- Type the question on a new line under the goal's heading, as a student would.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local heading
  for index, line in ipairs(lines) do
    if line:match("^### Goal 1") then
      heading = index
    end
  end
  if not heading then
    fail("no '### Goal 1' heading")
  end
  vim.api.nvim_win_set_cursor(0, { heading, 0 })
  local keys = vim.api.nvim_replace_termcodes("o" .. QUESTION .. "<Esc>", true, false, true)
  vim.api.nvim_feedkeys(keys, "x", false)
  local lnum = heading -- 0-based line of the new question
  if vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] ~= QUESTION then
    fail("the question was not typed")
  end
  wait_for("IV303 under the goal", function()
    return codes_at(bufnr, lnum):find("IV303") ~= nil
  end)
  say("IV303 at line " .. (lnum + 1))

  -- The quick fix, chosen from Neovim's own code-action menu.
  vim.ui.select = function(items, _, on_choice)
    for index, item in ipairs(items) do
      if item[2].title:match("^Silence IV303") then
        return on_choice(item, index)
      end
    end
    fail("no 'Silence IV303' action among " .. #items)
  end
  vim.api.nvim_win_set_cursor(0, { lnum + 1, 0 })
  local before = published
  vim.lsp.buf.code_action()
  wait_for("the disable comment", function()
    return vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1]
      == "<!-- infoview-disable IV303 -->"
  end)
  wait_for("IV303 to clear", function()
    -- A publication made after the edit, with IV303 nowhere in the buffer.
    return published > before and codes_at(bufnr, nil):find("IV303") == nil
  end)
  if vim.api.nvim_buf_get_lines(bufnr, lnum + 1, lnum + 2, false)[1] ~= QUESTION then
    fail("the quick fix changed the question")
  end
  say("quick fix applied; IV303 cleared")
  say("modified: " .. tostring(vim.bo[bufnr].modified))
  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(main)
if not ok then
  fail(tostring(err))
end
vim.cmd("qall!")
