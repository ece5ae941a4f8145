	.globl	main
main:
	pushq	%rbp
	movq	%rsp, %rbp
	movl	$42, %eax       # the answer
	popq	%rbp
	ret
