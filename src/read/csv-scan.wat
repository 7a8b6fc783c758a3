;; CSV record scanner with WASM SIMD, for src/read/csv-scan-wasm.ts; assembled by scripts/build-wasm.js (wabt) into
;; dist/read/csv-scan.wasm. It gives the records the JS tokenizer (csv-tokenizer.ts) gives, or stops where it could
;; not and lets the JS tokenizer go on from the start of that record.
;;
;; Memory: the fields of one record at FIELDS (starts, ends: i32 × MAX_FIELDS at 0 and 16384; escaped, quoted:
;; u8 × MAX_FIELDS at 32768 and 36864), META at 40960 (i32: line breaks inside quotes of the last record, start of
;; the first record not returned), the input at INPUT = 65536 (positions are relative to it).
;;
;; Use: begin(len, delimiter) once the input is in place, then record() until it returns < 0:
;;   n ≥ 0  a record of n fields is in FIELDS (a blank line is 1 empty unquoted field: the caller skips it);
;;   -1     the input ends inside the record starting at META[1]: more input is needed;
;;   -2     the record starting at META[1] has a byte this scanner leaves to the JS tokenizer: a quote not at the
;;          start of a field (`a"b`), text after a closing quote (`"a"b`), a CR outside quotes not followed by LF
;;          (old Mac line ends), or more than MAX_FIELDS fields.
;;
;; How: 64 bytes at a time, compares and bitmasks give the quotes, delimiters, LFs and CRs; "inside quotes" is the
;; prefix XOR of the quote mask (each quote toggles the state, a "" escape toggles it twice), carried from block to
;; block. Each quote is checked against its neighbours: an opening one must follow a delimiter, a LF, a quote (the
;; second half of "") or the start of the input; a closing one must precede a delimiter, LF, CR or quote. With those
;; checks the prefix XOR reads quotes as the JS tokenizer does, so every record before the first failed check is
;; the same. The bits of interest of a block (delimiters and LFs outside quotes, line breaks inside, the closing
;; quote of each "") are handed out one by one across record() calls.
;;
;; Past the input: the byte at `len` becomes a LF (the look-ahead of the last byte, so a quote or CR there waits
;; for the next chunk instead of failing a check), and up to 64 more bytes are read and masked off.
(module
  (memory (export "memory") 2)

  ;; Input length and delimiter byte.
  (global $len (mut i32) (i32.const 0))
  (global $delimiter (mut i32) (i32.const 0))
  ;; The next block to read, and the current block's position and bits not yet handed out, with their classes:
  ;; LF, quote, and special (a line break inside quotes or the closing quote of "", not a field end).
  (global $next (mut i32) (i32.const 0))
  (global $block (mut i32) (i32.const 0))
  (global $pending (mut i64) (i64.const 0))
  (global $blockLfs (mut i64) (i64.const 0))
  (global $blockQuotes (mut i64) (i64.const 0))
  (global $blockSpecial (mut i64) (i64.const 0))
  ;; Carried from block to block: all ones inside quotes; 1 when a quote may open at the next byte.
  (global $insideCarry (mut i64) (i64.const 0))
  (global $afterOkCarry (mut i64) (i64.const 1))
  ;; Where the first failed check is (the blocks stop there), or -1.
  (global $stop (mut i32) (i32.const -1))
  ;; The record being read.
  (global $recordStart (mut i32) (i32.const 0))
  (global $fieldStart (mut i32) (i32.const 0))
  (global $fieldCount (mut i32) (i32.const 0))
  (global $escaped (mut i32) (i32.const 0))
  (global $breaks (mut i32) (i32.const 0))

  (func (export "begin") (param $len i32) (param $delimiter i32)
    (global.set $len (local.get $len))
    (global.set $delimiter (local.get $delimiter))
    (i32.store8 offset=65536 (local.get $len) (i32.const 10))
    (global.set $next (i32.const 0))
    (global.set $block (i32.const 0))
    (global.set $pending (i64.const 0))
    (global.set $insideCarry (i64.const 0))
    (global.set $afterOkCarry (i64.const 1)) ;; the input starts a record
    (global.set $stop (i32.const -1))
    (global.set $recordStart (i32.const 0))
    (global.set $fieldStart (i32.const 0))
    (global.set $fieldCount (i32.const 0))
    (global.set $escaped (i32.const 0))
    (global.set $breaks (i32.const 0))
    (i32.store offset=40964 (i32.const 0) (i32.const 0)))

  (func (export "record") (result i32)
    (local $result i32) (local $p i32) (local $len i32) (local $delimiter i32) (local $next i32) (local $tz i64)
    (local $pos i32) (local $end i32) (local $quoted i32) (local $lookAhead i32) (local $slot i32)
    (local $pending i64) (local $blockLfs i64) (local $blockQuotes i64) (local $blockSpecial i64)
    (local $fieldStart i32) (local $fieldCount i32) (local $escaped i32) (local $breaks i32)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $quotes i64) (local $delimiters i64) (local $lfs i64) (local $crs i64) (local $inside i64)
    (local $nextQuote i64) (local $nextLf i64) (local $nextSeparator i64) (local $afterOk i64) (local $closing i64)
    (local $bad i64) (local $valid i64) (local $isLf i32) (local $delimiterSplat v128)
    (local.set $len (global.get $len))
    (local.set $delimiter (global.get $delimiter))
    (local.set $delimiterSplat (i8x16.splat (local.get $delimiter)))
    (local.set $next (global.get $next))
    (local.set $p (global.get $block))
    (local.set $pending (global.get $pending))
    (local.set $blockLfs (global.get $blockLfs))
    (local.set $blockQuotes (global.get $blockQuotes))
    (local.set $blockSpecial (global.get $blockSpecial))
    (local.set $fieldStart (global.get $fieldStart))
    (local.set $fieldCount (global.get $fieldCount))
    (local.set $escaped (global.get $escaped))
    (local.set $breaks (global.get $breaks))
    (block $exit
      (loop $bits
        (if (i64.eqz (local.get $pending))
          (then
            ;; Next block, unless the input or the checked part of it is used up.
            (if (i32.ge_s (global.get $stop) (i32.const 0))
              (then (local.set $result (i32.const -2)) (br $exit)))
            (if (i32.ge_u (local.get $next) (local.get $len))
              (then (local.set $result (i32.const -1)) (br $exit)))
            (local.set $p (local.get $next))
            (local.set $next (i32.add (local.get $p) (i32.const 64)))
            (local.set $b0 (v128.load offset=65536 (local.get $p)))
            (local.set $b1 (v128.load offset=65552 (local.get $p)))
            (local.set $b2 (v128.load offset=65568 (local.get $p)))
            (local.set $b3 (v128.load offset=65584 (local.get $p)))
            ;; Bit i: byte p+i is a quote / the delimiter / LF / CR. (Written out: Node 20 does not inline wasm calls.)
            (local.set $quotes
              (i64.or
                (i64.extend_i32_u (i32.or (i8x16.bitmask (i8x16.eq (local.get $b0) (v128.const i8x16 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34))) (i32.shl (i8x16.bitmask (i8x16.eq (local.get $b1) (v128.const i8x16 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34))) (i32.const 16))))
                (i64.shl (i64.extend_i32_u (i32.or (i8x16.bitmask (i8x16.eq (local.get $b2) (v128.const i8x16 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34))) (i32.shl (i8x16.bitmask (i8x16.eq (local.get $b3) (v128.const i8x16 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34))) (i32.const 16)))) (i64.const 32))))
            (local.set $delimiters
              (i64.or
                (i64.extend_i32_u (i32.or (i8x16.bitmask (i8x16.eq (local.get $b0) (local.get $delimiterSplat))) (i32.shl (i8x16.bitmask (i8x16.eq (local.get $b1) (local.get $delimiterSplat))) (i32.const 16))))
                (i64.shl (i64.extend_i32_u (i32.or (i8x16.bitmask (i8x16.eq (local.get $b2) (local.get $delimiterSplat))) (i32.shl (i8x16.bitmask (i8x16.eq (local.get $b3) (local.get $delimiterSplat))) (i32.const 16)))) (i64.const 32))))
            (local.set $lfs
              (i64.or
                (i64.extend_i32_u (i32.or (i8x16.bitmask (i8x16.eq (local.get $b0) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))) (i32.shl (i8x16.bitmask (i8x16.eq (local.get $b1) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))) (i32.const 16))))
                (i64.shl (i64.extend_i32_u (i32.or (i8x16.bitmask (i8x16.eq (local.get $b2) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))) (i32.shl (i8x16.bitmask (i8x16.eq (local.get $b3) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))) (i32.const 16)))) (i64.const 32))))
            (local.set $crs
              (i64.or
                (i64.extend_i32_u (i32.or (i8x16.bitmask (i8x16.eq (local.get $b0) (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13))) (i32.shl (i8x16.bitmask (i8x16.eq (local.get $b1) (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13))) (i32.const 16))))
                (i64.shl (i64.extend_i32_u (i32.or (i8x16.bitmask (i8x16.eq (local.get $b2) (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13))) (i32.shl (i8x16.bitmask (i8x16.eq (local.get $b3) (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13))) (i32.const 16)))) (i64.const 32))))
            ;; Inside quotes: prefix XOR of the quote mask (bit i = parity of the quotes at 0..i), then the carry.
            (local.set $inside (local.get $quotes))
            (local.set $inside (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 1))))
            (local.set $inside (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 2))))
            (local.set $inside (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 4))))
            (local.set $inside (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 8))))
            (local.set $inside (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 16))))
            (local.set $inside (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 32))))
            (local.set $inside (i64.xor (local.get $inside) (global.get $insideCarry)))
            (global.set $insideCarry (i64.shr_s (local.get $inside) (i64.const 63)))
            ;; "The next byte is …" masks; bit 63 from the first byte of the next block.
            (local.set $lookAhead (i32.load8_u offset=65600 (local.get $p)))
            (local.set $nextQuote
              (i64.or (i64.shr_u (local.get $quotes) (i64.const 1))
                (i64.shl (i64.extend_i32_u (i32.eq (local.get $lookAhead) (i32.const 34))) (i64.const 63))))
            (local.set $nextLf
              (i64.or (i64.shr_u (local.get $lfs) (i64.const 1))
                (i64.shl (i64.extend_i32_u (i32.eq (local.get $lookAhead) (i32.const 10))) (i64.const 63))))
            (local.set $nextSeparator
              (i64.or
                (i64.or (local.get $nextQuote) (local.get $nextLf))
                (i64.or
                  (i64.shr_u (i64.or (local.get $delimiters) (local.get $crs)) (i64.const 1))
                  (i64.shl
                    (i64.extend_i32_u (i32.or (i32.eq (local.get $lookAhead) (local.get $delimiter)) (i32.eq (local.get $lookAhead) (i32.const 13))))
                    (i64.const 63)))))
            ;; Bytes after which a quote may open a field: the input start, a delimiter, a LF, a closing quote.
            (local.set $afterOk (i64.or (local.get $quotes) (i64.or (local.get $delimiters) (local.get $lfs))))
            (local.set $bad (global.get $afterOkCarry))
            (global.set $afterOkCarry (i64.shr_u (local.get $afterOk) (i64.const 63)))
            (local.set $afterOk (i64.or (i64.shl (local.get $afterOk) (i64.const 1)) (local.get $bad)))
            (local.set $closing (i64.and (local.get $quotes) (i64.xor (local.get $inside) (i64.const -1))))
            (local.set $bad
              (i64.or
                (i64.or
                  ;; an opening quote elsewhere
                  (i64.and (i64.and (local.get $quotes) (local.get $inside)) (i64.xor (local.get $afterOk) (i64.const -1)))
                  ;; text after a closing quote
                  (i64.and (local.get $closing) (i64.xor (local.get $nextSeparator) (i64.const -1))))
                ;; a CR outside quotes not followed by LF
                (i64.and (local.get $crs) (i64.xor (i64.or (local.get $inside) (local.get $nextLf)) (i64.const -1)))))
            ;; The last block: only the bits below len.
            (local.set $valid (i64.const -1))
            (if (i32.gt_u (local.get $next) (local.get $len))
              (then (local.set $valid
                (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (i32.sub (local.get $len) (local.get $p)))) (i64.const 1)))))
            (local.set $bad (i64.and (local.get $bad) (local.get $valid)))
            (if (i64.ne (local.get $bad) (i64.const 0))
              (then
                ;; Hand out the bits before the first failed check, then stop.
                (global.set $stop (i32.add (local.get $p) (i32.wrap_i64 (i64.ctz (local.get $bad)))))
                (local.set $valid
                  (i64.and (local.get $valid) (i64.sub (i64.and (local.get $bad) (i64.sub (i64.const 0) (local.get $bad))) (i64.const 1))))))
            ;; Line breaks inside quotes (LF, or CR not before LF) and the closing quote of each "".
            (local.set $blockSpecial
              (i64.and
                (local.get $valid)
                (i64.or
                  (i64.and
                    (i64.or (local.get $lfs) (i64.and (local.get $crs) (i64.xor (local.get $nextLf) (i64.const -1))))
                    (local.get $inside))
                  (i64.and (local.get $closing) (local.get $nextQuote)))))
            ;; Those and the field ends: delimiters and LFs outside quotes.
            (local.set $pending
              (i64.or
                (local.get $blockSpecial)
                (i64.and
                  (local.get $valid)
                  (i64.and (i64.or (local.get $delimiters) (local.get $lfs)) (i64.xor (local.get $inside) (i64.const -1))))))
            (local.set $blockLfs (local.get $lfs))
            (local.set $blockQuotes (local.get $quotes))
            (br $bits)))
        (local.set $tz (i64.ctz (local.get $pending)))
        (local.set $pending (i64.and (local.get $pending) (i64.sub (local.get $pending) (i64.const 1))))
        (local.set $pos (i32.add (local.get $p) (i32.wrap_i64 (local.get $tz))))
        (if (i32.wrap_i64 (i64.and (i64.shr_u (local.get $blockSpecial) (local.get $tz)) (i64.const 1)))
          (then
            (if (i32.wrap_i64 (i64.and (i64.shr_u (local.get $blockQuotes) (local.get $tz)) (i64.const 1)))
              (then (local.set $escaped (i32.const 1)))
              (else (local.set $breaks (i32.add (local.get $breaks) (i32.const 1)))))
            (br $bits)))
        ;; A delimiter or LF ends the field [fieldStart, pos); a CR before the LF belongs to the line end.
        (local.set $isLf (i32.wrap_i64 (i64.and (i64.shr_u (local.get $blockLfs) (local.get $tz)) (i64.const 1))))
        (local.set $end (local.get $pos))
        (if (i32.and (local.get $isLf) (i32.gt_u (local.get $end) (local.get $fieldStart)))
          (then
            (if (i32.eq (i32.load8_u offset=65535 (local.get $end)) (i32.const 13))
              (then (local.set $end (i32.sub (local.get $end) (i32.const 1)))))))
        ;; Quoted: the checks put the opening quote first and the closing one last.
        (local.set $quoted
          (i32.and
            (i32.gt_u (local.get $end) (local.get $fieldStart))
            (i32.eq (i32.load8_u offset=65536 (local.get $fieldStart)) (i32.const 34))))
        (if (i32.eq (local.get $fieldCount) (i32.const 4096))
          (then
            (global.set $stop (local.get $pos))
            (local.set $result (i32.const -2))
            (br $exit)))
        (local.set $slot (i32.shl (local.get $fieldCount) (i32.const 2)))
        (i32.store offset=0 (local.get $slot) (i32.add (local.get $fieldStart) (local.get $quoted)))
        (i32.store offset=16384 (local.get $slot) (i32.sub (local.get $end) (local.get $quoted)))
        (i32.store8 offset=32768 (local.get $fieldCount) (local.get $escaped))
        (i32.store8 offset=36864 (local.get $fieldCount) (local.get $quoted))
        (local.set $fieldCount (i32.add (local.get $fieldCount) (i32.const 1)))
        (local.set $escaped (i32.const 0))
        (local.set $fieldStart (i32.add (local.get $pos) (i32.const 1)))
        (br_if $bits (i32.eqz (local.get $isLf)))
        ;; LF: the record is complete.
        (i32.store offset=40960 (i32.const 0) (local.get $breaks))
        (i32.store offset=40964 (i32.const 0) (local.get $fieldStart))
        (local.set $result (local.get $fieldCount))
        (local.set $fieldCount (i32.const 0))
        (local.set $breaks (i32.const 0))))
    (global.set $next (local.get $next))
    (global.set $block (local.get $p))
    (global.set $pending (local.get $pending))
    (global.set $blockLfs (local.get $blockLfs))
    (global.set $blockQuotes (local.get $blockQuotes))
    (global.set $blockSpecial (local.get $blockSpecial))
    (global.set $fieldStart (local.get $fieldStart))
    (global.set $fieldCount (local.get $fieldCount))
    (global.set $escaped (local.get $escaped))
    (global.set $breaks (local.get $breaks))
    (local.get $result)))
