-- Reads each .docx listed in the file named by MTAD_PANDOC_READINGS (one "MODE FORMAT PATH" a
-- line) as `pandoc --track-changes=MODE --to FORMAT --wrap=none PATH` reads it, and writes each
-- reading to standard output as its length in bytes, a newline, then the text. One pandoc for
-- all of a test file's readings: a pandoc process costs more than the reading it makes.
function Pandoc(_)
  for line in io.lines(os.getenv('MTAD_PANDOC_READINGS')) do
    local mode, to, path = line:match('^(%S+) (%S+) (.+)$')
    local file = assert(io.open(path, 'rb'))
    local bytes = file:read('a')
    file:close()
    local doc = pandoc.read(bytes, 'docx', { track_changes = mode .. '-changes' })
    local text = pandoc.write(doc, to, { wrap_text = 'wrap-none' })
    io.stdout:write(#text, '\n', text)
  end
end
