add_one:
        add     w0, w0, #1      // w0 += 1
        ldr     x1, [sp, #16]
        ret
