<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <source>The wall screen {screen} was disconnected; its panes moved to the main screen.</source>
      <translation>墙幕 {screen} 已断开，其上的窗格已移到主屏幕。</translation>
    </message>
    <message>
      <source>Return to main window</source>
      <translation>回到主窗口</translation>
    </message>
    <message>
      <source>Save layout</source>
      <translation>保存布局</translation>
    </message>
    <message>
      <source>Name of the layout (save as “{hall}” for the F12 hall layout):</source>
      <translation>布局名称（保存为“{hall}”即成为 F12 大厅布局）：</translation>
    </message>
    <message>
      <source>Layout “{name}” saved.</source>
      <translation>布局“{name}”已保存。</translation>
    </message>
    <message>
      <source>No layouts are saved yet.</source>
      <translation>尚未保存任何布局。</translation>
    </message>
    <message>
      <source>Layouts</source>
      <translation>布局</translation>
    </message>
    <message>
      <source>Layout:</source>
      <translation>布局：</translation>
    </message>
    <message>
      <source>Rename or delete</source>
      <translation>重命名或删除</translation>
    </message>
    <message>
      <source>New name for “{name}” (leave empty to delete it):</source>
      <translation>“{name}”的新名称（留空则删除）：</translation>
    </message>
    <message>
      <source>Delete layout</source>
      <translation>删除布局</translation>
    </message>
    <message>
      <source>Delete the layout “{name}”?</source>
      <translation>删除布局“{name}”？</translation>
    </message>
    <message>
      <source>That screen is no longer connected.</source>
      <translation>该屏幕已不再连接。</translation>
    </message>
    <message>
      <source>Screen connected</source>
      <translation>屏幕已连接</translation>
    </message>
    <message>
      <source>The screen {screen} is connected again. Put its panes back on it?</source>
      <translation>屏幕 {screen} 已重新连接。是否把原来的窗格放回该屏幕？</translation>
    </message>
    <message>
      <source>A layout needs a name.</source>
      <translation>布局需要一个名称。</translation>
    </message>
    <message>
      <source>There is no saved layout named “{name}”.</source>
      <translation>没有名为“{name}”的已保存布局。</translation>
    </message>
    <message>
      <source>The layout “{name}” could not be read ({reason}).</source>
      <translation>无法读取布局“{name}”（{reason}）。</translation>
    </message>
    <message>
      <source>The layout “{name}” was saved by a newer version of the workstation and cannot be opened here.</source>
      <translation>布局“{name}”由更新版本的工作站保存，此处无法打开。</translation>
    </message>
    <message>
      <source>The layout “{name}” is damaged and cannot be used; the file was set aside as {file}.</source>
      <translation>布局“{name}”已损坏，无法使用；该文件已另存为 {file}。</translation>
    </message>
    <message>
      <source>The layout “{name}” could not be saved ({reason}).</source>
      <translation>无法保存布局“{name}”（{reason}）。</translation>
    </message>
    <message>
      <source>A layout named “{name}” already exists.</source>
      <translation>名为“{name}”的布局已存在。</translation>
    </message>
    <message>
      <source>The arrangement of the panes in “{name}” could not be restored; the panes stay where they are.</source>
      <translation>无法恢复“{name}”中的窗格排列；窗格保持原位。</translation>
    </message>
    <message>
      <source>“{pane}” belongs on the screen {screen}, which is not connected; it is shown in a window on the main screen.</source>
      <translation>“{pane}”应显示在屏幕 {screen} 上，但该屏幕未连接；现以窗口形式显示在主屏幕上。</translation>
    </message>
    <message>
      <source>“{pane}” could not restore its own settings; it shows its defaults.</source>
      <translation>“{pane}”无法恢复自身设置，现使用默认设置。</translation>
    </message>
    <message>
      <source>%n window was moved to the main screen.</source>
      <translation>%n 个窗口已移到主屏幕。</translation>
    </message>
    <message>
      <source>%n windows were moved to the main screen.</source>
      <translation>%n 个窗口已移到主屏幕。</translation>
    </message>
    <message>
      <source>The layout expected %n screen;</source>
      <translation>该布局需要 %n 块屏幕；</translation>
    </message>
    <message>
      <source>The layout expected %n screens;</source>
      <translation>该布局需要 %n 块屏幕；</translation>
    </message>
    <message>
      <source>%n is connected.</source>
      <translation>当前连接 %n 块。</translation>
    </message>
    <message>
      <source>%n are connected.</source>
      <translation>当前连接 %n 块。</translation>
    </message>
    <message>
      <source>No layout is saved under Ctrl+{key}.</source>
      <translation>Ctrl+{key} 下没有保存布局。</translation>
    </message>
    <message>
      <source>There is no hall layout yet: save one as “{name}”.</source>
      <translation>尚无大厅布局：请保存一个名为“{name}”的布局。</translation>
    </message>
    <message>
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Remember server and user on this workstation</source>
      <translation>在本工作站记住服务器和用户名</translation>
    </message>
    <message>
      <source>Server</source>
      <translation>服务器</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Please enter the server, your user name and your password.</source>
      <translation>请输入服务器、用户名和密码。</translation>
    </message>
    <message>
      <source>Logging in…</source>
      <translation>正在登录…</translation>
    </message>
    <message>
      <source>Command-center workstation</source>
      <translation>指挥中心工作站</translation>
    </message>
    <message>
      <source>&amp;Workstation</source>
      <translation>工作站(&amp;W)</translation>
    </message>
    <message>
      <source>Log in…</source>
      <translation>登录…</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>锁屏</translation>
    </message>
    <message>
      <source>Settings…</source>
      <translation>设置…</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>&amp;Layouts</source>
      <translation>布局(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Panes</source>
      <translation>窗格(&amp;P)</translation>
    </message>
    <message>
      <source>Send to screen</source>
      <translation>发送到屏幕</translation>
    </message>
    <message>
      <source>Save layout as…</source>
      <translation>布局另存为…</translation>
    </message>
    <message>
      <source>Rename or delete layouts…</source>
      <translation>重命名或删除布局…</translation>
    </message>
    <message>
      <source>Restore hall layout</source>
      <translation>恢复大厅布局</translation>
    </message>
    <message>
      <source>The new language applies the next time the workstation starts.</source>
      <translation>新语言将在工作站下次启动时生效。</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>在线</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>正在连接…</translation>
    </message>
    <message>
      <source>Reconnecting in {n} s (attempt {a})</source>
      <translation>{n} 秒后重新连接（第 {a} 次）</translation>
    </message>
    <message>
      <source>OFFLINE since {t}</source>
      <translation>自 {t} 起离线</translation>
    </message>
    <message>
      <source>Session expired — log in again</source>
      <translation>会话已过期——请重新登录</translation>
    </message>
    <message>
      <source>OFFLINE — showing cached data as of {t}</source>
      <translation>离线——显示截至 {t} 的缓存数据</translation>
    </message>
    <message>
      <source>OFFLINE — no data from the server yet</source>
      <translation>离线——尚未收到服务器数据</translation>
    </message>
    <message>
      <source>next attempt in {n} s</source>
      <translation>{n} 秒后重试</translation>
    </message>
    <message>
      <source>Your session has expired. Log in again — nothing you did is lost; queued commands wait.</source>
      <translation>会话已过期。请重新登录——您的操作不会丢失，排队的指令正在等待发送。</translation>
    </message>
    <message>
      <source>%n alarm unacknowledged</source>
      <translation>%n 起警情未确认</translation>
    </message>
    <message>
      <source>%n alarms unacknowledged</source>
      <translation>%n 起警情未确认</translation>
    </message>
    <message>
      <source>Not logged in</source>
      <translation>未登录</translation>
    </message>
    <message>
      <source>%n command queued</source>
      <translation>%n 条指令排队中</translation>
    </message>
    <message>
      <source>%n commands queued</source>
      <translation>%n 条指令排队中</translation>
    </message>
    <message>
      <source>Refused by the server: {m}</source>
      <translation>服务器拒绝：{m}</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>关闭提示</translation>
    </message>
    <message>
      <source>The demo server did not start. See the log for details.</source>
      <translation>演示服务器未能启动。详情请查看日志。</translation>
    </message>
    <message>
      <source>P</source>
      <translation>级</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>已过时间</translation>
    </message>
    <message>
      <source>Acknowledge</source>
      <translation>确认计时</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>警力</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Priority (1 is the most urgent)</source>
      <translation>优先级（1 级最紧急）</translation>
    </message>
    <message>
      <source>Time left to acknowledge; for acknowledged alarms, the time it took</source>
      <translation>距确认时限的剩余时间；已确认的警情显示确认用时</translation>
    </message>
    <message>
      <source>Intrusion</source>
      <translation>入侵</translation>
    </message>
    <message>
      <source>Fire</source>
      <translation>火警</translation>
    </message>
    <message>
      <source>Panic</source>
      <translation>紧急求助</translation>
    </message>
    <message>
      <source>Call</source>
      <translation>报警电话</translation>
    </message>
    <message>
      <source>Video analytics</source>
      <translation>视频分析</translation>
    </message>
    <message>
      <source>Traffic</source>
      <translation>交通</translation>
    </message>
    <message>
      <source>Watchlist hit</source>
      <translation>布控比中</translation>
    </message>
    <message>
      <source>Equipment fault</source>
      <translation>设备故障</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新警情</translation>
    </message>
    <message>
      <source>Acknowledged</source>
      <translation>已确认</translation>
    </message>
    <message>
      <source>Dispatched</source>
      <translation>已派警</translation>
    </message>
    <message>
      <source>On scene</source>
      <translation>已到场</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已结束</translation>
    </message>
    <message>
      <source>{s} s</source>
      <translation>{s} 秒</translation>
    </message>
    <message>
      <source>{m} min {s:02d} s</source>
      <translation>{m} 分 {s:02d} 秒</translation>
    </message>
    <message>
      <source>{h} h {m:02d} min</source>
      <translation>{h} 时 {m:02d} 分</translation>
    </message>
    <message>
      <source>{d} d {h:02d} h</source>
      <translation>{d} 天 {h:02d} 时</translation>
    </message>
    <message>
      <source>overdue +{t}</source>
      <translation>超时 +{t}</translation>
    </message>
    <message>
      <source>took {t}</source>
      <translation>用时 {t}</translation>
    </message>
    <message>
      <source>Priority {p}</source>
      <translation>{p} 级</translation>
    </message>
    <message>
      <source>To be acknowledged within {t}: {state}</source>
      <translation>须在 {t} 内确认：{state}</translation>
    </message>
    <message>
      <source>Acknowledged by {who} after {t}</source>
      <translation>{who} 于 {t} 后确认</translation>
    </message>
    <message>
      <source>Alarm queue</source>
      <translation>警情队列</translation>
    </message>
  </context>
  <context>
    <name>AlarmQueueView</name>
    <message>
      <source>Search title, address, source or id</source>
      <translation>搜索标题、地址、来源或编号</translation>
    </message>
    <message>
      <source>P{p}</source>
      <translation>{p}级</translation>
    </message>
    <message>
      <source>Show priority {p} alarms</source>
      <translation>显示 {p} 级警情</translation>
    </message>
    <message>
      <source>All open</source>
      <translation>全部未结</translation>
    </message>
    <message>
      <source>New only</source>
      <translation>仅新警情</translation>
    </message>
    <message>
      <source>Acknowledged</source>
      <translation>已确认</translation>
    </message>
    <message>
      <source>Dispatched</source>
      <translation>已派警</translation>
    </message>
    <message>
      <source>On scene</source>
      <translation>已到场</translation>
    </message>
    <message>
      <source>{n} open</source>
      <translation>{n} 起未结</translation>
    </message>
    <message>
      <source>{n} unacknowledged</source>
      <translation>{n} 起未确认</translation>
    </message>
    <message>
      <source>{n} overdue</source>
      <translation>{n} 起超时</translation>
    </message>
    <message>
      <source>{n} shown</source>
      <translation>显示 {n} 起</translation>
    </message>
  </context>
  <context>
    <name>LockScreen</name>
    <message>
      <source>Enter your password.</source>
      <translation>请输入密码。</translation>
    </message>
    <message>
      <source>The password cannot be checked right now. Call the supervisor.</source>
      <translation>目前无法验证密码。请联系值班长。</translation>
    </message>
    <message>
      <source>The password could not be checked. Try again.</source>
      <translation>无法验证密码。请重试。</translation>
    </message>
    <message>
      <source>Wrong password. Try again.</source>
      <translation>密码错误。请重试。</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在验证…</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <source>Workstation locked</source>
      <translation>工作站已锁定</translation>
    </message>
    <message>
      <source>Locked since {time}</source>
      <translation>自 {time} 起锁定</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Unlock it on the main screen.</source>
      <translation>请在主屏幕上解锁。</translation>
    </message>
  </context>
  <context>
    <name>Panes</name>
    <message>
      <source>Video wall</source>
      <translation>视频墙</translation>
    </message>
    <message>
      <source>Video wall: live camera tiles</source>
      <translation>视频墙：实时摄像机画面</translation>
    </message>
    <message>
      <source>Alarm queue</source>
      <translation>警情队列</translation>
    </message>
    <message>
      <source>Alarm queue and the alarm workflow</source>
      <translation>警情队列与警情处置流程</translation>
    </message>
    <message>
      <source>Grid map</source>
      <translation>网格地图</translation>
    </message>
    <message>
      <source>Grid map: districts and patrol grids</source>
      <translation>网格地图：辖区与巡逻网格</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>态势看板</translation>
    </message>
    <message>
      <source>Leadership and large-event overview</source>
      <translation>领导与大型活动总览</translation>
    </message>
    <message>
      <source>Unit board</source>
      <translation>警力看板</translation>
    </message>
    <message>
      <source>Unit status board</source>
      <translation>警力状态看板</translation>
    </message>
    <message>
      <source>Watchlist</source>
      <translation>布控名单</translation>
    </message>
    <message>
      <source>Watchlist pane</source>
      <translation>布控名单窗格</translation>
    </message>
    <message>
      <source>Not available in this version.
It comes with: {issue}</source>
      <translation>本版本暂不提供。
将随以下功能提供：{issue}</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <source>Duty officer</source>
      <translation>值班员</translation>
    </message>
    <message>
      <source>Supervisor</source>
      <translation>值班长</translation>
    </message>
    <message>
      <source>Video patrol</source>
      <translation>视频巡查员</translation>
    </message>
    <message>
      <source>Leadership</source>
      <translation>领导</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Your saved settings could not be read, so the standard settings are in use.</source>
      <translation>无法读取您保存的设置，现使用标准设置。</translation>
    </message>
    <message>
      <source>The old file was kept as {name}.</source>
      <translation>旧文件已保留为 {name}。</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Same as the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Large text (for wall screens and projection)</source>
      <translation>大字体（用于墙幕和投影）</translation>
    </message>
    <message>
      <source>Play alarm and notice sounds</source>
      <translation>播放警情和通知提示音</translation>
    </message>
    <message>
      <source>Sound volume</source>
      <translation>音量</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>This position is exempt from the idle lock by site policy: the screen does not lock by itself. Lock it with Ctrl+L when you leave.</source>
      <translation>按本单位规定，此席位不自动锁屏。离开时请按 Ctrl+L 锁屏。</translation>
    </message>
    <message>
      <source>The screen locks after this many minutes without keyboard or mouse input. Alarms still sound while it is locked.</source>
      <translation>在此分钟数内无键盘或鼠标操作时自动锁屏。锁屏期间警情提示音仍会播放。</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>语言：</translation>
    </message>
    <message>
      <source>Volume:</source>
      <translation>音量：</translation>
    </message>
    <message>
      <source>Lock the screen after:</source>
      <translation>自动锁屏时间：</translation>
    </message>
    <message>
      <source>{n} %</source>
      <translation>{n} %</translation>
    </message>
  </context>
</TS>