<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>QObject</name>
        <message>
            <source>cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>nothing to export</source>
            <translation>没有可导出的内容</translation>
        </message>
        <message>
            <source>cannot write %1</source>
            <translation>无法写入 %1</translation>
        </message>
        <message>
            <source>Exported from IPC Lab</source>
            <translation>由 IPC 实验室导出</translation>
        </message>
        <message numerus="yes">
            <source>%n queued</source>
            <translation>
                <numerusform>排队 %n 条</numerusform>
            </translation>
        </message>
        <message>
            <source>rendezvous</source>
            <translation>会合（容量 0）</translation>
        </message>
        <message>
            <source>%1 queued, unbounded</source>
            <translation>排队 %1 条，无界</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>mailbox %1</source>
            <translation>信箱 %1</translation>
        </message>
        <message>
            <source>+%1 more</source>
            <translation>另有 %1 条</translation>
        </message>
        <message>
            <source> (removed when detached)</source>
            <translation>（全部分离后删除）</translation>
        </message>
        <message>
            <source>(nothing written yet)</source>
            <translation>（尚未写入）</translation>
        </message>
        <message>
            <source>semaphore %1</source>
            <translation>信号量 %1</translation>
        </message>
        <message>
            <source>private</source>
            <translation>私有</translation>
        </message>
        <message>
            <source>segment %1</source>
            <translation>共享段 %1</translation>
        </message>
        <message>
            <source>  key %1</source>
            <translation>  键 %1</translation>
        </message>
        <message>
            <source> · %1 B · 0%2</source>
            <translation> · %1 字节 · 0%2</translation>
        </message>
    </context>
    <context>
        <name>ipclab</name>
        <message>
            <source>IPC Lab: an animated simulator of inter-process communication.</source>
            <translation>IPC 实验室：进程间通信的动画模拟器。</translation>
        </message>
        <message>
            <source>Scenario file to open.</source>
            <translation>要打开的场景文件。</translation>
        </message>
        <message>
            <source>Move to event N (or 'end').</source>
            <translation>跳到第 N 个事件（或 'end' 表示结尾）。</translation>
        </message>
        <message>
            <source>Save the window as a PNG image and exit.</source>
            <translation>把窗口保存为 PNG 图像后退出。</translation>
        </message>
        <message>
            <source>Window size (default 1600x1000).</source>
            <translation>窗口大小（默认 1600x1000）。</translation>
        </message>
        <message>
            <source>Start as the scheduler.</source>
            <translation>一开始就由你来当调度程序。</translation>
        </message>
        <message>
            <source>Render N animation frames, print frame times, exit.</source>
            <translation>渲染 N 帧动画，输出每帧用时后退出。</translation>
        </message>
        <message>
            <source>ipclab: no bundled scenarios found
</source>
            <translation>ipclab：找不到自带的场景
</translation>
        </message>
        <message>
            <source>ipclab: could not write %1
</source>
            <translation>ipclab：无法写入 %1
</translation>
        </message>
        <message>
            <source>Start in presentation mode (F5 in the window).</source>
            <translation>以演示模式启动（窗口中按 F5）。</translation>
        </message>
        <message>
            <source>Show the tour of the window.</source>
            <translation>显示窗口导览。</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui</name>
        <message>
            <source>kernel</source>
            <translation>内核</translation>
        </message>
        <message>
            <source>new</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <source>running on CPU %1</source>
            <translation>在 CPU %1 上运行</translation>
        </message>
        <message>
            <source>running</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>blocked: %1</source>
            <translation>阻塞：%1</translation>
        </message>
        <message>
            <source>blocked: %1 on %2</source>
            <translation>阻塞：%1（在 %2 上）</translation>
        </message>
        <message>
            <source>terminated</source>
            <translation>已终止</translation>
        </message>
        <message>
            <source>CPU %1, chosen among %2 ready</source>
            <translation>CPU %1，从 %2 个就绪进程中选出</translation>
        </message>
        <message>
            <source>%1 bytes copied</source>
            <translation>复制了 %1 字节</translation>
        </message>
        <message>
            <source>%n tick(s)</source>
            <translation>%n 个时钟滴答</translation>
        </message>
        <message>
            <source>"%1", %2 queued</source>
            <translation>“%1”，排队 %2 条</translation>
        </message>
        <message>
            <source>"%1" from %2</source>
            <translation>来自 %2 的“%1”</translation>
        </message>
        <message>
            <source>wrote "%1" at offset %2</source>
            <translation>在偏移 %2 处写入“%1”</translation>
        </message>
        <message>
            <source>read "%1" at offset %2</source>
            <translation>在偏移 %2 处读出“%1”</translation>
        </message>
        <message>
            <source>value %1</source>
            <translation>值 %1</translation>
        </message>
        <message>
            <source>Start here</source>
            <translation>从这里开始</translation>
        </message>
        <message>
            <source>Why processes cooperate</source>
            <translation>进程为什么要协作</translation>
        </message>
        <message>
            <source>The two models: shared memory and message passing</source>
            <translation>两种模型：共享内存与消息传递</translation>
        </message>
        <message>
            <source>Shared memory</source>
            <translation>共享内存</translation>
        </message>
        <message>
            <source>Message passing: direct communication</source>
            <translation>消息传递：直接通信</translation>
        </message>
        <message>
            <source>Message passing: indirect communication (mailboxes)</source>
            <translation>消息传递：间接通信（信箱）</translation>
        </message>
        <message>
            <source>Synchronisation and buffering</source>
            <translation>同步与缓冲</translation>
        </message>
        <message>
            <source>When waiting goes wrong: deadlock</source>
            <translation>等待出了问题：死锁</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::CaptionView</name>
        <message>
            <source>  (real Linux run)</source>
            <translation>  （真实 Linux 运行）</translation>
        </message>
        <message>
            <source>System calls: &lt;b&gt;%1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; messages sent &lt;b&gt;%2&lt;/b&gt;, received &lt;b&gt;%3&lt;/b&gt; &amp;nbsp;·&amp;nbsp; bytes copied by the kernel &lt;b&gt;%4&lt;/b&gt;</source>
            <translation>系统调用：&lt;b&gt;%1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; 发送消息 &lt;b&gt;%2&lt;/b&gt;，接收 &lt;b&gt;%3&lt;/b&gt; &amp;nbsp;·&amp;nbsp; 内核复制的字节 &lt;b&gt;%4&lt;/b&gt;</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::ComparisonChartView</name>
        <message>
            <source>not run</source>
            <translation>未运行</translation>
        </message>
        <message>
            <source>Real calls counted by the Linux kernel (perf events)</source>
            <translation>真实调用次数，由 Linux 内核统计（perf 事件）</translation>
        </message>
        <message>
            <source>Real calls counted by IPC Lab itself</source>
            <translation>真实调用次数，由 IPC 实验室自行统计</translation>
        </message>
        <message>
            <source>%1: the kernel cannot count until tracefs is mounted
(as root: %2)</source>
            <translation>%1：挂载 tracefs 之前内核无法计数
（以 root 身份执行：%2）</translation>
        </message>
        <message>
            <source>%1: the kernel's perf counters were refused</source>
            <translation>%1：内核拒绝了 perf 计数器</translation>
        </message>
        <message>
            <source>Left behind, would leak on Linux: %1</source>
            <translation>遗留对象，在 Linux 上会泄漏：%1</translation>
        </message>
        <message>
            <source>Simulated vs real</source>
            <translation>模拟与真实对比</translation>
        </message>
        <message>
            <source>simulated (prediction)</source>
            <translation>模拟（预测）</translation>
        </message>
        <message>
            <source>real (measured)</source>
            <translation>真实（实测）</translation>
        </message>
        <message>
            <source>system call</source>
            <translation>系统调用</translation>
        </message>
        <message>
            <source>calls</source>
            <translation>次调用</translation>
        </message>
        <message>
            <source>Simulated: %1 · Real: %2</source>
            <translation>模拟：%1 · 真实：%2</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::ErrorPanel</name>
        <message>
            <source>Hide these messages</source>
            <translation>隐藏这些消息</translation>
        </message>
        <message>
            <source>%1 could not be loaded:</source>
            <translation>%1 无法加载：</translation>
        </message>
        <message>
            <source>%1 could not be loaded — still showing “%2”. Fix the file and save: it reloads by itself.</source>
            <translation>%1 无法加载——仍在显示“%2”。修改文件并保存后会自动重新加载。</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::EventLogModel</name>
        <message>
            <source>%1 (returns)</source>
            <translation>%1（返回）</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Time (ns)</source>
            <translation>时间（纳秒）</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Process</source>
            <translation>进程</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Object</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Syscall</source>
            <translation>系统调用</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::EventLogView</name>
        <message>
            <source>Filter events (process, syscall, object, …)</source>
            <translation>筛选事件（进程、系统调用、对象……）</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::MainWindow</name>
        <message>
            <source>Message sequence chart</source>
            <translation>消息序列图</translation>
        </message>
        <message>
            <source>IPC Lab</source>
            <translation>IPC 实验室</translation>
        </message>
        <message>
            <source>Captions</source>
            <translation>解说</translation>
        </message>
        <message>
            <source>Program</source>
            <translation>程序</translation>
        </message>
        <message>
            <source>Scenario library</source>
            <translation>课程库</translation>
        </message>
        <message>
            <source>Event log</source>
            <translation>事件日志</translation>
        </message>
        <message>
            <source>You chose %1</source>
            <translation>你选择了 %1</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <source>System calls</source>
            <translation>系统调用</translation>
        </message>
        <message>
            <source>Simulated vs real</source>
            <translation>模拟与真实对比</translation>
        </message>
        <message>
            <source>This build has no simulator.</source>
            <translation>此版本没有模拟器。</translation>
        </message>
        <message>
            <source>IPC Lab — %1</source>
            <translation>IPC 实验室 — %1</translation>
        </message>
        <message>
            <source>%1 engine</source>
            <translation>%1 引擎</translation>
        </message>
        <message>
            <source>  ·  outcome: %1</source>
            <translation>  ·  结果：%1</translation>
        </message>
        <message numerus="yes">
            <source>  ·  you are the scheduler (%n choice(s))</source>
            <translation>
                <numerusform>  ·  你是调度程序（已选择 %n 次）</numerusform>
            </translation>
        </message>
        <message>
            <source>Running on real Linux…</source>
            <translation>正在真实的 Linux 上运行……</translation>
        </message>
        <message>
            <source>Real run finished: %1</source>
            <translation>真实运行结束：%1</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>Open scenario</source>
            <translation>打开场景</translation>
        </message>
        <message>
            <source>Scenario files (*.yaml *.yml);;All files (*)</source>
            <translation>场景文件 (*.yaml *.yml);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>Re&amp;load</source>
            <translation>重新加载(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>运行(&amp;R)</translation>
        </message>
        <message>
            <source>You are the &amp;scheduler</source>
            <translation>由你来调度(&amp;S)</translation>
        </message>
        <message>
            <source>Pick which ready process runs next by clicking it</source>
            <translation>点击一个就绪进程，决定下一个运行谁</translation>
        </message>
        <message>
            <source>Run on real &amp;Linux</source>
            <translation>在真实 &amp;Linux 上运行</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Current view as &amp;image (PNG, SVG, PDF)…</source>
            <translation>当前视图导出为图像(&amp;I)（PNG、SVG、PDF）…</translation>
        </message>
        <message>
            <source>&amp;Trace as JSON lines…</source>
            <translation>轨迹导出为 JSON 行(&amp;T)…</translation>
        </message>
        <message>
            <source>System call &amp;counts as CSV…</source>
            <translation>系统调用次数导出为 CSV(&amp;C)…</translation>
        </message>
        <message>
            <source>Export view</source>
            <translation>导出视图</translation>
        </message>
        <message>
            <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
            <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <source>Export trace</source>
            <translation>导出轨迹</translation>
        </message>
        <message>
            <source>JSON lines (*.jsonl *.json)</source>
            <translation>JSON 行 (*.jsonl *.json)</translation>
        </message>
        <message>
            <source>Export counts</source>
            <translation>导出次数</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>跟随系统语言</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Processes&lt;/h3&gt;&lt;p&gt;A card per process, coloured by its state; the timeline's lanes use the same colours.&lt;/p&gt;&lt;table cellspacing=6&gt;</source>
            <translation>&lt;h3&gt;进程&lt;/h3&gt;&lt;p&gt;每个进程一张卡片，颜色表示它的状态；时间线的各条泳道使用相同的颜色。&lt;/p&gt;&lt;table cellspacing=6&gt;</translation>
        </message>
        <message>
            <source>new</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>not started yet</source>
            <translation>尚未开始</translation>
        </message>
        <message>
            <source>ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <source>waits for a CPU</source>
            <translation>等待 CPU</translation>
        </message>
        <message>
            <source>running</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>on a CPU</source>
            <translation>正在 CPU 上</translation>
        </message>
        <message>
            <source>blocked</source>
            <translation>阻塞</translation>
        </message>
        <message>
            <source>waits for a message, a free slot or a semaphore; an arrow points at what it waits for</source>
            <translation>等待消息、空位或信号量；箭头指向它等待的对象</translation>
        </message>
        <message>
            <source>terminated</source>
            <translation>已终止</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>已结束</translation>
        </message>
        <message>
            <source>green halo</source>
            <translation>绿色光圈</translation>
        </message>
        <message>
            <source>you are the scheduler: you may pick this process</source>
            <translation>你是调度程序：可以选这个进程</translation>
        </message>
        <message>
            <source>red</source>
            <translation>红色</translation>
        </message>
        <message>
            <source>deadlock: the wait-for cycle</source>
            <translation>死锁：等待环路</translation>
        </message>
        <message>
            <source>&lt;/table&gt;&lt;h3&gt;Objects&lt;/h3&gt;&lt;table cellspacing=6&gt;</source>
            <translation>&lt;/table&gt;&lt;h3&gt;对象&lt;/h3&gt;&lt;table cellspacing=6&gt;</translation>
        </message>
        <message>
            <source>mailbox</source>
            <translation>信箱</translation>
        </message>
        <message>
            <source>holds messages; its slots fill and empty</source>
            <translation>存放消息；格子会装满和清空</translation>
        </message>
        <message>
            <source>link</source>
            <translation>链路</translation>
        </message>
        <message>
            <source>a direct link between two named processes</source>
            <translation>两个指名进程之间的直接链路</translation>
        </message>
        <message>
            <source>shared segment</source>
            <translation>共享段</translation>
        </message>
        <message>
            <source>memory mapped by several processes; reading and writing it costs no system call</source>
            <translation>被多个进程映射的内存；读写它不需要系统调用</translation>
        </message>
        <message>
            <source>cell just written</source>
            <translation>刚写入的格子</translation>
        </message>
        <message>
            <source>cell just read</source>
            <translation>刚读出的格子</translation>
        </message>
        <message>
            <source>semaphore</source>
            <translation>信号量</translation>
        </message>
        <message>
            <source>its value; who holds it</source>
            <translation>它的值；谁持有它</translation>
        </message>
        <message>
            <source>moving token</source>
            <translation>移动的标记</translation>
        </message>
        <message>
            <source>a message on its way</source>
            <translation>途中的消息</translation>
        </message>
        <message>
            <source>&lt;/table&gt;&lt;p&gt;Deleted objects stay drawn, faded.&lt;/p&gt;&lt;h3&gt;Timeline markers&lt;/h3&gt;&lt;table cellspacing=6&gt;</source>
            <translation>&lt;/table&gt;&lt;p&gt;已删除的对象仍会画出，但颜色变淡。&lt;/p&gt;&lt;h3&gt;时间线标记&lt;/h3&gt;&lt;table cellspacing=6&gt;</translation>
        </message>
        <message>
            <source>system call</source>
            <translation>系统调用</translation>
        </message>
        <message>
            <source>a call into the kernel: what the lecture counts</source>
            <translation>一次进入内核的调用：课上要数的就是它</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <source>a message entered a mailbox</source>
            <translation>一条消息进入信箱</translation>
        </message>
        <message>
            <source>received</source>
            <translation>已接收</translation>
        </message>
        <message>
            <source>a message was taken out</source>
            <translation>一条消息被取出</translation>
        </message>
        <message>
            <source>shared memory</source>
            <translation>共享内存</translation>
        </message>
        <message>
            <source>a read or write of shared memory: no system call</source>
            <translation>一次共享内存读写：没有系统调用</translation>
        </message>
        <message>
            <source>&lt;/table&gt;&lt;h3&gt;Time&lt;/h3&gt;&lt;p&gt;A &lt;b&gt;tick&lt;/b&gt; is the simulator's clock: a system call and each unit of &lt;tt&gt;compute&lt;/tt&gt; take ticks. An &lt;b&gt;event&lt;/b&gt; is one thing that happened (a state change, a call, a message); several can share a tick. The cursor stands between events; every view shows the system there.&lt;/p&gt;</source>
            <translation>&lt;/table&gt;&lt;h3&gt;时间&lt;/h3&gt;&lt;p&gt;&lt;b&gt;时钟滴答&lt;/b&gt;是模拟器的时钟：一次系统调用和每个单位的 &lt;tt&gt;compute&lt;/tt&gt; 都要花时钟滴答。&lt;b&gt;事件&lt;/b&gt;是发生的一件事（一次状态变化、一次调用、一条消息）；几个事件可以在同一个时钟滴答里。光标位于事件之间；每个视图都显示系统在那一刻的样子。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <source>Lessons in the lecture's order</source>
            <translation>按讲课顺序排列的课程</translation>
        </message>
        <message>
            <source>Double-click a lesson to open it.</source>
            <translation>双击课程即可打开。</translation>
        </message>
        <message>
            <source>The system at the cursor</source>
            <translation>光标处的系统</translation>
        </message>
        <message>
            <source>Processes, mailboxes, links, shared memory and semaphores as they are at the current event. Blocked processes point at what they wait for.</source>
            <translation>当前事件时刻的进程、信箱、链路、共享内存和信号量。阻塞的进程指向它所等待的对象。</translation>
        </message>
        <message>
            <source>Play, step, jump</source>
            <translation>播放、单步、跳转</translation>
        </message>
        <message>
            <source>Space plays and pauses, Right and Left step one event, Page Down jumps to the next caption. The slider covers the whole run.</source>
            <translation>空格键播放和暂停，左右方向键前进或后退一个事件，Page Down 跳到下一条解说。滑块覆盖整个运行过程。</translation>
        </message>
        <message>
            <source>Captions and the count</source>
            <translation>解说与计数</translation>
        </message>
        <message>
            <source>What the lesson wants you to notice now, and the system calls so far: the number the lecture is about.</source>
            <translation>课程此刻希望你注意的内容，以及到目前为止的系统调用次数：这正是课上关心的数字。</translation>
        </message>
        <message>
            <source>Views, presentation and help</source>
            <translation>视图、演示与帮助</translation>
        </message>
        <message>
            <source>Timeline, system calls and the event log show only what has happened so far (View › Reveal as you go). F5 presents full screen; Help › Legend explains the colours.</source>
            <translation>时间线、系统调用图和事件日志只显示到目前为止发生的事情（视图 › 逐步揭示）。F5 全屏演示；帮助 › 图例解释各种颜色。</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Legend</source>
            <translation>图例(&amp;L)</translation>
        </message>
        <message>
            <source>Lessons in the lecture's &amp;order</source>
            <translation>按讲课顺序排列的课程(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Tour of the window</source>
            <translation>窗口导览(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Presentation</source>
            <translation>演示(&amp;P)</translation>
        </message>
        <message>
            <source>Full screen, the system view and the caption in large type (F5; Esc leaves)</source>
            <translation>全屏，系统视图和解说用大字显示（F5；Esc 退出）</translation>
        </message>
        <message>
            <source>Leave presentation</source>
            <translation>退出演示</translation>
        </message>
        <message>
            <source>&amp;Reveal as you go</source>
            <translation>逐步揭示(&amp;R)</translation>
        </message>
        <message>
            <source>Show only what has happened up to the cursor, so that nothing spoils a prediction; off shows the whole run</source>
            <translation>只显示到光标为止发生的事情，不会提前泄露答案；关闭则显示整个运行过程</translation>
        </message>
        <message>
            <source>&amp;Next caption</source>
            <translation>下一条解说(&amp;N)</translation>
        </message>
        <message>
            <source>Pre&amp;vious caption</source>
            <translation>上一条解说(&amp;V)</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Actual size</source>
            <translation>实际大小(&amp;A)</translation>
        </message>
        <message>
            <source>Text size %1%</source>
            <translation>文字大小 %1%</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::PresenterStrip</name>
        <message>
            <source>&lt;div align=right&gt;system calls&lt;br&gt;&lt;span style='font-size:%1pt; font-weight:bold'&gt;%2&lt;/span&gt;&lt;/div&gt;</source>
            <translation>&lt;div align=right&gt;系统调用&lt;br&gt;&lt;span style='font-size:%1pt; font-weight:bold'&gt;%2&lt;/span&gt;&lt;/div&gt;</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::ProgramView</name>
        <message>
            <source>Operation</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>行</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::RealRunner</name>
        <message>
            <source>Could not start %1: %2</source>
            <translation>无法启动 %1：%2</translation>
        </message>
        <message>
            <source>The real run crashed. %1</source>
            <translation>真实运行崩溃了。%1</translation>
        </message>
        <message>
            <source>the trace ended early</source>
            <translation>轨迹提前结束</translation>
        </message>
        <message>
            <source>The real run (exit code %1) gave no usable trace: %2
%3</source>
            <translation>真实运行（退出码 %1）没有给出可用的轨迹：%2
%3</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::ScenarioDocument</name>
        <message>
            <source>%1: could not be loaded</source>
            <translation>%1：无法加载</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::SyscallChartView</name>
        <message>
            <source>message passing (item = message received)</source>
            <translation>消息传递（一项 = 收到一条消息）</translation>
        </message>
        <message>
            <source>shared memory + semaphores (item = value read)</source>
            <translation>共享内存 + 信号量（一项 = 读出一个值）</translation>
        </message>
        <message>
            <source>System calls</source>
            <translation>系统调用</translation>
        </message>
        <message>
            <source>system calls</source>
            <translation>系统调用</translation>
        </message>
        <message>
            <source>by operation</source>
            <translation>按操作</translation>
        </message>
        <message>
            <source>by process</source>
            <translation>按进程</translation>
        </message>
        <message>
            <source>items transferred</source>
            <translation>已传送的数据项</translation>
        </message>
        <message>
            <source>calls so far</source>
            <translation>累计调用</translation>
        </message>
        <message>
            <source>%1 calls / %2 items</source>
            <translation>%1 次调用 / %2 项</translation>
        </message>
        <message>
            <source>System calls: %1 at event %2 of %3</source>
            <translation>系统调用：%1（第 %2 个事件，共 %3 个）</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::SystemView</name>
        <message>
            <source>blocked: %1 %2 %3</source>
            <translation>阻塞：%1 %2 %3</translation>
        </message>
        <message>
            <source>to</source>
            <translation>发往</translation>
        </message>
        <message>
            <source>from</source>
            <translation>来自</translation>
        </message>
        <message>
            <source>blocked: receive from any</source>
            <translation>阻塞：从任意进程接收</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>已结束</translation>
        </message>
        <message>
            <source>line %1: %2</source>
            <translation>第 %1 行：%2</translation>
        </message>
        <message>
            <source>not started yet</source>
            <translation>尚未开始</translation>
        </message>
        <message>
            <source>DEADLOCK: %1</source>
            <translation>死锁：%1</translation>
        </message>
        <message>
            <source>Your turn: click a ready process to run it next</source>
            <translation>轮到你了：点击一个就绪进程，让它下一个运行</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::TimelineView</name>
        <message>
            <source>ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <source>running</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>blocked</source>
            <translation>阻塞</translation>
        </message>
        <message>
            <source>terminated</source>
            <translation>已终止</translation>
        </message>
        <message>
            <source>new</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>syscall</source>
            <translation>系统调用</translation>
        </message>
        <message>
            <source>sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <source>received</source>
            <translation>已接收</translation>
        </message>
        <message>
            <source>shm read/write (no syscall)</source>
            <translation>共享内存读写（无系统调用）</translation>
        </message>
        <message>
            <source>time (ticks)</source>
            <translation>时间（时钟滴答）</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <source>Timeline — %1</source>
            <translation>时间线 — %1</translation>
        </message>
        <message>
            <source>time (ns)</source>
            <translation>时间（纳秒）</translation>
        </message>
        <message>
            <source>event 0</source>
            <translation>事件 0</translation>
        </message>
        <message>
            <source>CPU %1</source>
            <translation>CPU %1</translation>
        </message>
        <message>
            <source>event %1 · t = %2</source>
            <translation>事件 %1 · t = %2</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::Tour</name>
        <message>
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>Skip tour</source>
            <translation>跳过导览</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>第 %1 步，共 %2 步</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完成</translation>
        </message>
    </context>
    <context>
        <name>ipclab::ui::TransportBar</name>
        <message>
            <source>Transport</source>
            <translation>播放控制</translation>
        </message>
        <message>
            <source>Jump to start</source>
            <translation>跳到开头</translation>
        </message>
        <message>
            <source>Step back</source>
            <translation>后退一步</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>前进一步</translation>
        </message>
        <message>
            <source>Jump to end</source>
            <translation>跳到结尾</translation>
        </message>
        <message>
            <source> Speed </source>
            <translation> 速度 </translation>
        </message>
        <message>
            <source>%1 events/s</source>
            <translation>每秒 %1 个事件</translation>
        </message>
        <message>
            <source>event %1 / %2</source>
            <translation>事件 %1 / %2</translation>
        </message>
        <message>
            <source>  ·  t = %1 µs</source>
            <translation>  ·  t = %1 微秒</translation>
        </message>
        <message>
            <source>  ·  t = %1</source>
            <translation>  ·  t = %1</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
    </context>
</TS>
