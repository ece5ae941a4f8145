; ModuleID = 'sum.c'
define dso_local i32 @sum(ptr noundef %xs, i32 noundef %n) #0 {
entry:
  %cmp = icmp sgt i32 %n, 0
  br i1 %cmp, label %loop, label %exit

loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %next = add nsw i32 %i, 1
  ret i32 %next

exit:
  ret i32 0
}
