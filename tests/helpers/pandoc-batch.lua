-- Converts each file listed in the file named by MTAD_PANDOC_JOBS, one "FROM TRACK TO PATH" a
-- line, as `pandoc --from FROM --track-changes=TRACK --to TO --wrap=none PATH` converts it (TRACK
-- "-" for pandoc's default), and writes each result to standard output as its length in bytes, a
-- newline, then the bytes. One pandoc for all of a test file's conversions: a pandoc process costs
-- more than the conversion it makes.
function Pandoc(_)
  for line in io.lines(os.getenv('MTAD_PANDOC_JOBS')) do
    local from, track, to, path = line:match('^(%S+) (%S+) (%S+) (.+)$')
    local file = assert(io.open(path, 'rb'))
    local bytes = file:read('a')
    file:close()
    local options = track == '-' and {} or { track_changes = track .. '-changes' }
    local result = pandoc.write(pandoc.read(bytes, from, options), to, { wrap_text = 'wrap-none' })
    io.stdout:write(#result, '\n', result)
  end
end
