sum:                                    # @sum
        test    esi, esi
        jle     .LBB0_1
        mov     ecx, esi
        xor     eax, eax
.LBB0_4:                                # =>This Inner Loop Header
        add     eax, dword ptr [rdi + 4*rdx]
        inc     rdx
        cmp     rcx, rdx
        jne     .LBB0_4
        ret
.LBB0_1:
        xor     eax, eax
        ret
